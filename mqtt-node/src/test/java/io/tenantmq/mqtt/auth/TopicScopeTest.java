package io.tenantmq.mqtt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.control.user.MqttUser;
import io.tenantmq.mqtt.subscription.TopicFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a scope of topic filters lets a connection publish to and subscribe to, and the scopes of MQTT users. */
class TopicScopeTest {

  private static TopicFilter f(String text) {
    return TopicFilter.parse(text);
  }

  @Test
  void allReachesEveryTopicAndNoneNothing() {
    assertThat(TopicScope.ALL.matches("a/b")).isTrue();
    assertThat(TopicScope.ALL.covers(f("#"))).isTrue();
    assertThat(TopicScope.NONE.matches("a/b")).isFalse();
    assertThat(TopicScope.NONE.covers(f("a/b"))).isFalse();
    assertThat(TopicScope.NONE.any()).isFalse();
    assertThat(TopicScope.of(List.of())).isSameAs(TopicScope.NONE);
  }

  @Test
  void aScopePublishesToTopicsOneOfItsFiltersMatches() {
    TopicScope scope = TopicScope.of(List.of("cars/+/speed", "home/#"));
    assertThat(scope.matches("cars/1/speed")).isTrue();
    assertThat(scope.matches("home")).isTrue();
    assertThat(scope.matches("home/kitchen/temp")).isTrue();
    assertThat(scope.matches("cars/1/fuel")).isFalse();
    assertThat(scope.matches("cars/speed")).isFalse();
  }

  @Test
  void aScopeSubscribesOnlyToFiltersOneOfItsFiltersCovers() {
    TopicScope scope = TopicScope.of(List.of("cars/+/speed", "home/#"));
    assertThat(scope.covers(f("cars/7/speed"))).isTrue();
    assertThat(scope.covers(f("cars/+/speed"))).isTrue();
    assertThat(scope.covers(f("home/+/temp"))).isTrue();
    assertThat(scope.covers(f("cars/#"))).isFalse();
    assertThat(scope.covers(f("#"))).isFalse();
    assertThat(scope.covers(f("+/+/speed"))).isFalse();
  }

  @Test
  void mqttUsersGetAllOrNothingOfEachKind() {
    MqttUser reader = MqttUser.create("i", "u", "pw-123456", true, false, "", 0);
    Permissions p = Permissions.of(reader);
    assertThat(p.maySubscribe(f("any/#"))).isTrue();
    assertThat(p.mayPublish("any/topic")).isFalse();
    assertThat(Permissions.ALL.mayPublish("x")).isTrue();
    assertThat(Permissions.NONE.maySubscribe(f("x"))).isFalse();
  }
}
