package io.tenantmq.sdk.emqx.it;

import static io.tenantmq.sdk.emqx.it.EmqxErrors.assertApiError;
import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.tenantmq.sdk.emqx.EmqxStyleClient;
import io.tenantmq.sdk.emqx.Page;
import io.tenantmq.sdk.emqx.Route;
import io.tenantmq.sdk.emqx.Subscription;
import io.tenantmq.sdk.emqx.SubscriptionQuery;
import io.tenantmq.sdk.it.TenantMqUnderTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code EmqxStyleClient.subscriptions()} and {@code topics()} over a real client's subscriptions. */
class SubscriptionsAndTopicsTest {

  static final String RUN = "sdk-subs-" + UUID.randomUUID().toString().substring(0, 8);
  static TenantMqUnderTest product;
  static EmqxStyleClient emqx;
  static Mqtt5BlockingClient device;

  @BeforeAll
  static void start() throws Exception {
    product = TenantMqUnderTest.shared();
    emqx = product.emqxClient(product.node.demo().tenantId(), product.instanceId());
    device = Mqtt5Client.builder().identifier(RUN).serverHost("127.0.0.1").serverPort(product.mqttPort())
        .buildBlocking();
    device.connect();
    device.subscribeWith().topicFilter(RUN + "/a/#").qos(MqttQos.AT_LEAST_ONCE).send();
    device.subscribeWith().topicFilter(RUN + "/b").qos(MqttQos.EXACTLY_ONCE).send();
    await().atMost(Duration.ofSeconds(10)).until(() -> await(emqx.clients().get(RUN)).subscriptionsCnt() == 2);
  }

  @AfterAll
  static void stop() {
    device.disconnect();
  }

  @Test
  void subscriptionsListsAClientsSubscriptionsAndFiltersByMatchingTopic() throws Exception {
    Page<Subscription> all = await(emqx.subscriptions().list(SubscriptionQuery.ofClient(RUN), 1, 100));
    assertThat(all.data()).extracting(Subscription::clientId, Subscription::topic, Subscription::qos)
        .containsExactlyInAnyOrder(tuple(RUN, RUN + "/a/#", 1), tuple(RUN, RUN + "/b", 2));
    assertThat(all.meta().hasnext()).isFalse();

    // match_topic keeps the subscriptions whose filter it matches, the filter's levels taken literally
    assertThat(await(emqx.subscriptions().list(SubscriptionQuery.matching(RUN + "/#"), 1, 100)).data())
        .extracting(Subscription::topic).containsExactlyInAnyOrder(RUN + "/a/#", RUN + "/b");
    assertThat(await(emqx.subscriptions().list(SubscriptionQuery.matching(RUN + "/+"), 1, 100)).data())
        .extracting(Subscription::topic).containsExactly(RUN + "/b");
    assertThat(await(emqx.subscriptions().list(new SubscriptionQuery(RUN, 2, null, null, null, null, null), 1, 100))
        .data()).extracting(Subscription::topic).containsExactly(RUN + "/b");
  }

  @Test
  void topicsListTheRoutesAndOneTopicsRoutesOr404() throws Exception {
    Page<Route> routes = await(emqx.topics().list(RUN + "/b", null, 1, 100));
    assertThat(routes.data()).extracting(Route::topic).containsExactly(RUN + "/b");
    assertThat(routes.data().get(0).node()).isNotBlank();

    assertThat(await(emqx.topics().get(RUN + "/a/#"))).extracting(Route::topic).containsExactly(RUN + "/a/#");
    assertApiError(() -> await(emqx.topics().get(RUN + "/none")), 404, "TOPIC_NOT_FOUND");
  }
}
