package io.tenantmq.sdk.emqx.it;

import static io.tenantmq.sdk.emqx.it.EmqxErrors.assertApiError;
import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.tenantmq.sdk.emqx.ClientMessage;
import io.tenantmq.sdk.emqx.ClientMessages;
import io.tenantmq.sdk.emqx.ClientMessagesQuery;
import io.tenantmq.sdk.emqx.EmqxStyleClient;
import io.tenantmq.sdk.emqx.SubscribeRequest;
import io.tenantmq.sdk.emqx.Subscription;
import io.tenantmq.sdk.it.TenantMqUnderTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code EmqxStyleClient.clients()} does to one client's session, observed by real HiveMQ MQTT clients:
 * subscriptions made and removed on its behalf (it then receives, then stops receiving), its keepalive, the messages
 * its offline session holds, and the bulk kick.
 */
class ClientSessionTest {

  static final Duration SOON = Duration.ofSeconds(10);

  static TenantMqUnderTest product;
  static EmqxStyleClient emqx;
  static Mqtt5BlockingClient publisher;

  @BeforeAll
  static void start() throws Exception {
    product = TenantMqUnderTest.shared();
    emqx = product.emqxClient(product.node.demo().tenantId(), product.instanceId());
    publisher = mqtt5(unique("sdk-pub-"));
    publisher.connect();
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  static Mqtt5BlockingClient mqtt5(String id) {
    return Mqtt5Client.builder().identifier(id).serverHost("127.0.0.1").serverPort(product.mqttPort()).buildBlocking();
  }

  static void publish(String topic, String text) {
    publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(text.getBytes(StandardCharsets.UTF_8))
        .send();
  }

  static String text(Optional<Mqtt5Publish> received) {
    return new String(received.orElseThrow().getPayloadAsBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void subscribeOnBehalfDeliversAndUnsubscribeStops() throws Exception {
    String id = unique("sdk-behalf-");
    String filter = "sdk/" + id + "/+";
    Mqtt5BlockingClient device = mqtt5(id);
    device.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes = device.publishes(MqttGlobalPublishFilter.ALL)) {
      Subscription made = await(emqx.clients().subscribe(id, SubscribeRequest.of(filter, 1)));

      assertThat(made.topic()).isEqualTo(filter);
      assertThat(made.clientId()).isEqualTo(id);
      assertThat(made.qos()).isEqualTo(1);
      assertThat(made.node()).isNotBlank();
      assertThat(await(emqx.clients().subscriptions(id))).extracting(Subscription::topic, Subscription::qos)
          .containsExactly(org.assertj.core.api.Assertions.tuple(filter, 1));
      publish("sdk/" + id + "/cmd", "on");
      assertThat(text(publishes.receive(10, TimeUnit.SECONDS))).isEqualTo("on");

      await(emqx.clients().unsubscribe(id, filter));
      assertThat(await(emqx.clients().subscriptions(id))).isEmpty();
      publish("sdk/" + id + "/cmd", "off");
      assertThat(publishes.receive(1, TimeUnit.SECONDS)).isEmpty();
    } finally {
      device.disconnect();
    }
  }

  @Test
  void bulkSubscribeAnswersEachSubscriptionAndBulkUnsubscribeRemovesThemAll() throws Exception {
    String id = unique("sdk-bulk-sub-");
    Mqtt5BlockingClient device = mqtt5(id);
    device.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes = device.publishes(MqttGlobalPublishFilter.ALL)) {
      List<Subscription> made = await(emqx.clients().subscribeAll(id, List.of(
          SubscribeRequest.of("sdk/" + id + "/a", 0), new SubscribeRequest("sdk/" + id + "/b", 2, 0, 1, 0))));

      assertThat(made).extracting(Subscription::topic, Subscription::qos).containsExactly(
          org.assertj.core.api.Assertions.tuple("sdk/" + id + "/a", 0),
          org.assertj.core.api.Assertions.tuple("sdk/" + id + "/b", 2));
      assertThat(made.get(1).rap()).isEqualTo(1);
      publish("sdk/" + id + "/b", "b");
      assertThat(text(publishes.receive(10, TimeUnit.SECONDS))).isEqualTo("b");

      await(emqx.clients().unsubscribeAll(id, List.of("sdk/" + id + "/a", "sdk/" + id + "/b")));
      assertThat(await(emqx.clients().subscriptions(id))).isEmpty();
    } finally {
      device.disconnect();
    }
  }

  @Test
  void keepaliveChangesTheLiveConnectionsIntervalAndAnswersTheClient() throws Exception {
    String id = unique("sdk-keepalive-");
    Mqtt5BlockingClient device = mqtt5(id);
    device.connectWith().keepAlive(30).send();
    try {
      assertThat(await(emqx.clients().keepalive(id, 120)).keepalive()).isEqualTo(120);
      await().atMost(SOON).until(() -> await(emqx.clients().get(id)).keepalive() == 120);
    } finally {
      device.disconnect();
    }
  }

  @Test
  void anOfflineSessionsQueuedMessagesAreListedWithTheirPayloads() throws Exception {
    String id = unique("sdk-mqueue-");
    String topic = "sdk/" + id + "/q";
    Mqtt5BlockingClient device = mqtt5(id);
    device.connectWith().cleanStart(true).sessionExpiryInterval(600).send();
    device.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
    device.disconnect();
    await().atMost(SOON).until(() -> !await(emqx.clients().get(id)).connected());

    publish(topic, "one");
    publish(topic, "two");

    ClientMessages held = await().atMost(SOON).until(
        () -> await(emqx.clients().mqueueMessages(id, ClientMessagesQuery.first(10))), m -> m.data().size() == 2);
    assertThat(held.data()).extracting(ClientMessage::topic).containsOnly(topic);
    assertThat(held.data()).extracting(m -> new String(Base64.getDecoder().decode(m.payload()), StandardCharsets.UTF_8))
        .containsExactly("one", "two");
    assertThat(held.data()).extracting(ClientMessage::qos).containsOnly(1);
    ClientMessages second = await(emqx.clients().mqueueMessages(id, ClientMessagesQuery.after(
        await(emqx.clients().mqueueMessages(id, ClientMessagesQuery.first(1))).meta().position(), 10)));
    assertThat(second.data()).extracting(ClientMessage::msgid).containsExactly(held.data().get(1).msgid());
    assertThat(await(emqx.clients().inflightMessages(id, ClientMessagesQuery.first(10))).data()).isEmpty();
    await(emqx.clients().kick(id));
  }

  @Test
  void bulkKickDisconnectsEveryListedClientAndSkipsUnknownOnes() throws Exception {
    Mqtt5BlockingClient x = mqtt5(unique("sdk-bulk-x-"));
    Mqtt5BlockingClient y = mqtt5(unique("sdk-bulk-y-"));
    x.connect();
    y.connect();

    await(emqx.clients().kickAll(List.of(x.getConfig().getClientIdentifier().orElseThrow().toString(),
        y.getConfig().getClientIdentifier().orElseThrow().toString(), unique("sdk-nobody-"))));

    await().atMost(SOON).until(() -> !x.getState().isConnected() && !y.getState().isConnected());
    assertThat(publisher.getState().isConnected()).isTrue();
  }

  @Test
  void sessionCallsOnAnUnknownClientAre404ClientIdNotFound() {
    String nobody = unique("sdk-nobody-");
    assertApiError(() -> await(emqx.clients().subscriptions(nobody)), 404, "CLIENTID_NOT_FOUND");
    assertApiError(() -> await(emqx.clients().subscribe(nobody, SubscribeRequest.of("a/b", 0))), 404,
        "CLIENTID_NOT_FOUND");
    assertApiError(() -> await(emqx.clients().unsubscribe(nobody, "a/b")), 404, "CLIENTID_NOT_FOUND");
    assertApiError(() -> await(emqx.clients().keepalive(nobody, 10)), 404, "CLIENTID_NOT_FOUND");
    assertApiError(() -> await(emqx.clients().mqueueMessages(nobody, ClientMessagesQuery.first(1))), 404,
        "CLIENTID_NOT_FOUND");
  }
}
