package io.tenantmq.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.map.IMap;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.ClientEventType;
import io.tenantmq.control.event.ConsumeFrom;
import io.tenantmq.control.event.ConsumeMode;
import io.tenantmq.control.event.EventSubscription;
import io.tenantmq.control.event.EventTopic;
import io.tenantmq.control.event.PullRequest;
import io.tenantmq.control.event.TagFilter;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.control.testing.EmbeddedMember;
import io.tenantmq.control.topic.MqttTopic;
import io.tenantmq.control.user.MqttUser;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ControlPlaneDeleteTest {

  /** Stands in for the brokers' values (retained messages, stored sessions): all the purge needs is the instance id. */
  record BrokerValue(String instanceId, String data) implements Serializable {
  }

  static EmbeddedMember member;

  @BeforeAll
  static void start() {
    member = new EmbeddedMember("delete-test");
  }

  @AfterAll
  static void stop() {
    member.close();
  }

  @Test
  void deletedInstanceTakesItsUsersTopicsRetainedMessagesAndSessionsAndNothingElse() throws Exception {
    ControlPlane control = member.control;
    control.tenants().createTenantIfAbsent(new Tenant("t-del", "t", 0)).toCompletableFuture().get();
    for (String id : new String[] {"gone", "kept"}) {
      control.tenants().createInstanceIfAbsent(new Instance(id, "t-del", id, false, 0)).toCompletableFuture().get();
      control.users().create(MqttUser.create(id, "u", "pw", true, true, null, 0)).toCompletableFuture().get();
      control.topics().create(new MqttTopic(id, "a/b", null, 0, 0)).toCompletableFuture().get();
    }
    IMap<String, BrokerValue> retained = member.hazelcast.getMap(MapNames.RETAINED);
    IMap<String, BrokerValue> sessions = member.hazelcast.getMap(MapNames.SESSIONS);
    retained.put("gone/a", new BrokerValue("gone", "r1"));
    retained.put("kept/a", new BrokerValue("kept", "r2"));
    sessions.put("gone/c1", new BrokerValue("gone", "s1"));
    sessions.put("kept/c1", new BrokerValue("kept", "s2"));
    for (String id : new String[] {"gone", "kept"}) {
      control.events().append(new ClientEvent(id, "c1", 1, ClientEventType.CONNECT, "ch", "ip", null, null, "n", "", -1))
          .toCompletableFuture().get();
      control.consumers().pull(new PullRequest(new EventSubscription(EventTopic.of(id, id), TagFilter.ALL), "g",
          ConsumeMode.CLUSTERING, null, ConsumeFrom.FIRST, 10, Duration.ZERO, Duration.ofSeconds(30)))
          .toCompletableFuture().get();
    }

    assertThat(control.deleteInstance("gone").toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();

    assertThat(control.tenants().instance("gone").toCompletableFuture().get()).isEmpty();
    assertThat(control.users().list("gone").toCompletableFuture().get()).isEmpty();
    assertThat(control.topics().list("gone").toCompletableFuture().get()).isEmpty();
    assertThat(retained.keySet()).containsExactly("kept/a");
    assertThat(sessions.keySet()).containsExactly("kept/c1");
    assertThat(control.users().list("kept").toCompletableFuture().get()).hasSize(1);
    assertThat(control.topics().list("kept").toCompletableFuture().get()).hasSize(1);
    assertThat(control.events().read("gone", 0, 10).toCompletableFuture().get()).isEmpty();
    assertThat(control.consumers().committedOffset("gone", "g", null).toCompletableFuture().get()).isEqualTo(-1);
    assertThat(control.events().read("kept", 0, 10).toCompletableFuture().get()).hasSize(1);
    assertThat(control.consumers().committedOffset("kept", "g", null).toCompletableFuture().get()).isZero();
    assertThat(control.deleteInstance("gone").toCompletableFuture().get(30, TimeUnit.SECONDS)).isFalse();
  }
}
