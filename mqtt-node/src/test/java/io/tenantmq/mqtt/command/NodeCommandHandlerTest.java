package io.tenantmq.mqtt.command;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import io.tenantmq.control.command.NodeCommands;
import io.tenantmq.control.command.PublishCommand;
import io.tenantmq.control.command.QueuedMessage;
import io.tenantmq.control.command.PublishCommand.PublishProperties;
import io.tenantmq.control.command.PublishCommand.UserProperty;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientState;
import io.tenantmq.mqtt.Inbox;
import io.tenantmq.mqtt.RawMqttClient;
import io.tenantmq.mqtt.TestClients;
import io.tenantmq.mqtt.TestNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Node commands as the management APIs send them ({@link NodeCommands} over the Hazelcast executor, to this member),
 * acting on real clients: kick, subscribe and unsubscribe on behalf, publish.
 */
class NodeCommandHandlerTest {

  static TestNode node;
  static NodeCommands commands;
  static Mqtt5BlockingClient pub;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.shared();
    commands = node.control.commands();
    pub = TestClients.v5(node.mqttPort(), unique("pub"));
  }

  @AfterAll
  static void stop() {
    pub.disconnect();
  }

  static <T> T result(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(15, TimeUnit.SECONDS);
  }

  static ClientKey key(String clientId) {
    return new ClientKey(TestNode.INSTANCE_ID, clientId);
  }

  /** A connected MQTT 5 client that records every PUBLISH it gets, subscribed or not, and how it was disconnected. */
  static Mqtt5BlockingClient watched(int port, String clientId, Inbox inbox,
                                     AtomicReference<MqttClientDisconnectedContext> disconnected) {
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port)
        .addDisconnectedListener(disconnected::set).buildBlocking();
    c.toAsync().publishes(MqttGlobalPublishFilter.ALL, inbox::accept);
    c.connect();
    return c;
  }

  static void assertKicked(AtomicReference<MqttClientDisconnectedContext> disconnected) {
    await().atMost(Duration.ofSeconds(10)).until(() -> disconnected.get() != null);
    assertThat(disconnected.get().getCause()).isInstanceOf(Mqtt5DisconnectException.class);
    Mqtt5DisconnectException cause = (Mqtt5DisconnectException) disconnected.get().getCause();
    assertThat(cause.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5DisconnectReasonCode.ADMINISTRATIVE_ACTION);
    assertThat(cause.getMqttMessage().getReasonCode().getCode()).isEqualTo(0x98);
  }

  @Test
  void kickClosesAnMqtt5ClientWith0x98SendsItsWillAndEndsItsRecord() throws Exception {
    String clientId = unique("kicked");
    String willTopic = unique("kick/will");
    Inbox wills = new Inbox();
    Mqtt5BlockingClient watcher = TestClients.v5Subscriber(node.mqttPort(), unique("watcher"), willTopic, 1, wills);
    AtomicReference<MqttClientDisconnectedContext> disconnected = new AtomicReference<>();
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).addDisconnectedListener(disconnected::set).buildBlocking();
    c.connectWith().willPublish().topic(willTopic).payload(TestClients.utf8("kicked out")).applyWillPublish().send();
    try {
      assertThat(result(commands.kick(key(clientId)))).isTrue();

      assertKicked(disconnected);
      assertThat(wills.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("kicked out");
      // a clean session ends with its connection
      await().atMost(Duration.ofSeconds(5))
          .until(() -> TestClients.record(node, clientId).isEmpty());
    } finally {
      watcher.disconnect();
    }
  }

  @Test
  void kickOfAPersistentMqtt311ClientKeepsItsSessionOffline() throws Exception {
    String clientId = unique("kicked-311");
    var paho = TestClients.paho3(node.mqttPort(), clientId, null);
    paho.connect(TestClients.paho3Options(4, false));
    try {
      assertThat(result(commands.kick(key(clientId)))).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> !paho.isConnected());
      await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(node, clientId)
          .map(r -> r.state() == ClientState.DISCONNECTED).orElse(false));
      // no live connection left to kick
      assertThat(result(commands.kick(key(clientId)))).isFalse();
    } finally {
      paho.close();
    }
  }

  @Test
  void kickOfAnUnknownClientReturnsFalse() throws Exception {
    assertThat(result(commands.kick(key(unique("nobody"))))).isFalse();
  }

  @Test
  void subscribeOnBehalfDeliversRetainedAndLaterMessagesAndIsRecorded() throws Exception {
    String root = unique("behalf");
    TestClients.publishRetained(pub, root + "/kept", "retained", 1);
    String clientId = unique("behalf-c");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient c = watched(node.mqttPort(), clientId, inbox, new AtomicReference<>());
    try {
      assertThat(result(commands.subscribe(key(clientId), root + "/#", 1))).isTrue();

      Inbox.Msg retained = inbox.awaitTopic(root + "/kept");
      assertThat(retained.payload()).isEqualTo("retained");
      assertThat(retained.retain()).isTrue();
      TestClients.publish(pub, root + "/live", "live", 1);
      assertThat(inbox.awaitTopic(root + "/live").qos()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(node, clientId)
          .map(r -> Integer.valueOf(1).equals(r.subscriptions().get(root + "/#"))).orElse(false));
    } finally {
      c.disconnect();
      TestClients.publishRetained(pub, root + "/kept", "", 1);
    }
  }

  @Test
  void unsubscribeOnBehalfStopsDeliveriesAndSaysWhetherThereWasOne() throws Exception {
    String topic = unique("unsub/t");
    String clientId = unique("unsub-c");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient c = TestClients.v5Subscriber(node.mqttPort(), clientId, topic, 1, inbox);
    try {
      TestClients.publish(pub, topic, "before", 1);
      inbox.awaitOne();

      assertThat(result(commands.unsubscribe(key(clientId), topic))).isTrue();
      assertThat(result(commands.unsubscribe(key(clientId), topic))).isFalse();

      TestClients.publish(pub, topic, "after", 1);
      inbox.assertStaysAt(1);
      await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(node, clientId)
          .map(r -> r.subscriptions().isEmpty()).orElse(false));
    } finally {
      c.disconnect();
    }
  }

  @Test
  void subscribeOnBehalfOfAnUnknownClientReturnsFalseAndABadFilterFails() throws Exception {
    assertThat(result(commands.subscribe(key(unique("nobody")), "a/b", 0))).isFalse();
    String clientId = unique("bad-filter");
    Mqtt5BlockingClient c = TestClients.v5(node.mqttPort(), clientId);
    try {
      Throwable e = catchThrowable(() -> result(commands.subscribe(key(clientId), "a/#/b", 0)));
      assertThat(e).hasRootCauseInstanceOf(IllegalArgumentException.class);
    } finally {
      c.disconnect();
    }
  }

  @Test
  void publishReachesAnMqtt5SubscriberWithItsPropertiesAndCountsMatches() throws Exception {
    String topic = unique("cmd/pub");
    List<Mqtt5Publish> received = new CopyOnWriteArrayList<>();
    Mqtt5BlockingClient sub = TestClients.v5(node.mqttPort(), unique("props-sub"));
    sub.toAsync().subscribeWith().topicFilter(topic).qos(TestClients.qos(1)).callback(received::add).send()
        .get(5, TimeUnit.SECONDS);
    try {
      PublishProperties props = new PublishProperties(1, 3600L, "application/json", "reply/here",
          "corr-1".getBytes(StandardCharsets.UTF_8), List.of(new UserProperty("k", "v1"), new UserProperty("k", "v2")));
      int matched = result(commands.publish(new PublishCommand(TestNode.INSTANCE_ID, topic,
          "{\"on\":true}".getBytes(StandardCharsets.UTF_8), 1, false, props)));
      assertThat(matched).isEqualTo(1);

      await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
      Mqtt5Publish p = received.get(0);
      assertThat(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"on\":true}");
      assertThat(p.getQos().getCode()).isEqualTo(1);
      assertThat(p.getPayloadFormatIndicator()).contains(Mqtt5PayloadFormatIndicator.UTF_8);
      assertThat(p.getMessageExpiryInterval()).isPresent();
      assertThat(p.getMessageExpiryInterval().getAsLong()).isBetween(3590L, 3600L);
      assertThat(p.getContentType()).contains(MqttUtf8String.of("application/json"));
      assertThat(p.getResponseTopic().map(Object::toString)).contains("reply/here");
      assertThat(p.getCorrelationData().map(b -> StandardCharsets.UTF_8.decode(b).toString())).contains("corr-1");
      assertThat(p.getUserProperties().asList()).extracting(Mqtt5UserProperty::getValue)
          .extracting(Object::toString).containsExactly("v1", "v2");

      // nobody subscribed: nothing matches
      assertThat(result(commands.publish(new PublishCommand(TestNode.INSTANCE_ID, unique("cmd/none"), new byte[] {1},
          0, false, null)))).isZero();
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void retainedPublishIsKeptForLaterSubscribers() throws Exception {
    String topic = unique("cmd/retained");
    assertThat(result(commands.publish(new PublishCommand(TestNode.INSTANCE_ID, topic, TestClients.utf8("kept"), 1, true,
        null)))).isZero();
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient late = TestClients.v5Subscriber(node.mqttPort(), unique("late"), topic, 1, inbox);
    try {
      Inbox.Msg m = inbox.awaitOne();
      assertThat(m.payload()).isEqualTo("kept");
      assertThat(m.retain()).isTrue();
    } finally {
      late.disconnect();
      result(commands.publish(new PublishCommand(TestNode.INSTANCE_ID, topic, new byte[0], 0, true, null)));
    }
  }

  @Test
  void publishToAnInvalidTopicFails() {
    Throwable e = catchThrowable(() -> result(commands.publish(new PublishCommand(TestNode.INSTANCE_ID, "a/+/b",
        new byte[] {1}, 0, false, null))));
    assertThat(e).hasRootCauseInstanceOf(IllegalArgumentException.class);
  }

  // ---- keepalive ---------------------------------------------------------------------------------------------------

  @Test
  void aShorterKeepAliveClosesAClientThatPingsOnlyForItsOwnAndIsRecorded() throws Exception {
    String clientId = unique("ka-short");
    AtomicReference<MqttClientDisconnectedContext> disconnected = new AtomicReference<>();
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).addDisconnectedListener(disconnected::set).buildBlocking();
    // a kept session, so that the record outlives the connection
    c.connectWith().keepAlive(60).cleanStart(false).sessionExpiryInterval(60).send();
    try {
      long setAt = System.nanoTime();
      assertThat(result(commands.setKeepAlive(key(clientId), 1))).isTrue();
      assertThat(TestClients.record(node, clientId).orElseThrow().keepAliveSeconds()).isEqualTo(1);

      await().atMost(Duration.ofSeconds(4)).until(() -> disconnected.get() != null);
      long afterMillis = (System.nanoTime() - setAt) / 1_000_000;
      // [MQTT-3.1.2-24] one and a half periods of silence, counted from the change
      assertThat(afterMillis).isBetween(1_400L, 3_000L);
      Mqtt5DisconnectException cause = (Mqtt5DisconnectException) disconnected.get().getCause();
      assertThat(cause.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5DisconnectReasonCode.KEEP_ALIVE_TIMEOUT);
      await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(node, clientId)
          .map(r -> r.state() == ClientState.DISCONNECTED && r.keepAliveSeconds() == 1).orElse(false));
    } finally {
      c.connectWith().cleanStart(true).send();
      c.disconnect();
    }
  }

  @Test
  void aKeepAliveOfZeroLetsASilentMqtt311ClientStay() throws Exception {
    String clientId = unique("ka-zero");
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), clientId, true, 1, null)) {
      assertThat(result(commands.setKeepAlive(key(clientId), 0))).isTrue();
      // 3 s of silence: twice what the client's own keepalive of 1 s allowed
      assertThat(client.closedWithin(Duration.ofSeconds(3))).isFalse();
      assertThat(TestClients.record(node, clientId).orElseThrow().keepAliveSeconds()).isZero();
      // and back: a silent client is closed again
      assertThat(result(commands.setKeepAlive(key(clientId), 1))).isTrue();
      assertThat(client.closedWithin(Duration.ofSeconds(3))).isTrue();
    }
  }

  @Test
  void keepAliveOfAnOfflineOrUnknownClientIsFalseAndOutOfRangeFails() throws Exception {
    assertThat(result(commands.setKeepAlive(key(unique("nobody")), 30))).isFalse();
    String clientId = unique("ka-range");
    Mqtt5BlockingClient c = TestClients.v5(node.mqttPort(), clientId);
    try {
      assertThat(catchThrowable(() -> result(commands.setKeepAlive(key(clientId), 65_536))))
          .hasRootCauseInstanceOf(IllegalArgumentException.class);
      assertThat(TestClients.record(node, clientId).orElseThrow().keepAliveSeconds()).isEqualTo(60);
    } finally {
      c.disconnect();
    }
  }

  // ---- queued and in-flight messages ------------------------------------------------------------------------------

  static List<QueuedMessage> messages(String clientId, boolean inflight, int limit) throws Exception {
    return result(commands.messages(key(clientId), inflight, limit)).orElseThrow();
  }

  static List<String> payloads(List<QueuedMessage> messages) {
    return messages.stream().map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void anOfflineSessionShowsItsQueuedMessagesOldestFirstUpToTheLimit() throws Exception {
    String clientId = unique("mq-offline");
    String topic = unique("mq/offline");
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    c.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
    c.subscribeWith().topicFilter(topic).qos(TestClients.qos(1)).send();
    c.disconnect();
    await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(node, clientId)
        .map(r -> r.state() == ClientState.DISCONNECTED).orElse(false));
    long before = System.currentTimeMillis();
    for (String p : List.of("m1", "m2", "m3")) {
      TestClients.publish(pub, topic, p, 1);
    }
    long after = System.currentTimeMillis();
    try {
      await().atMost(Duration.ofSeconds(5)).until(() -> messages(clientId, false, 10).size() == 3);
      List<QueuedMessage> queued = messages(clientId, false, 10);
      assertThat(payloads(queued)).containsExactly("m1", "m2", "m3");
      assertThat(queued).allSatisfy(m -> {
        assertThat(m.topic()).isEqualTo(topic);
        assertThat(m.qos()).isEqualTo(1);
        assertThat(m.packetId()).isZero();
        assertThat(m.insertedAtMillis()).isBetween(before, after + 1_000);
      });
      assertThat(payloads(messages(clientId, false, 2))).containsExactly("m1", "m2");
      assertThat(messages(clientId, true, 10)).as("nothing was sent, so nothing is in flight").isEmpty();
    } finally {
      c.connectWith().cleanStart(true).send();
      c.disconnect();
    }
  }

  @Test
  void aSubscriberThatDoesNotAckHasItsWindowInFlightAndTheRestQueued() throws Exception {
    String clientId = unique("mq-noack");
    String topic = unique("mq/noack");
    List<Mqtt5Publish> held = new CopyOnWriteArrayList<>();
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    // a window of one: the first message goes out, the others wait for its PUBACK
    c.connectWith().restrictions().receiveMaximum(1).applyRestrictions().send();
    c.toAsync().subscribeWith().topicFilter(topic).qos(TestClients.qos(1)).callback(held::add)
        .manualAcknowledgement(true).send().get(10, TimeUnit.SECONDS);
    try {
      for (String p : List.of("a", "b", "c")) {
        TestClients.publish(pub, topic, p, 1);
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> held.size() == 1 && messages(clientId, false, 10).size() == 2);
      List<QueuedMessage> inflight = messages(clientId, true, 10);
      assertThat(payloads(inflight)).containsExactly("a");
      assertThat(inflight.get(0).packetId()).isPositive();
      assertThat(inflight.get(0).qos()).isEqualTo(1);
      assertThat(payloads(messages(clientId, false, 10))).containsExactly("b", "c");
      assertThat(messages(clientId, false, 10)).extracting(QueuedMessage::packetId).containsOnly(0);
      assertThat(inflight.get(0).insertedAtMillis())
          .isLessThanOrEqualTo(messages(clientId, false, 10).get(0).insertedAtMillis());

      held.get(0).acknowledge();
      await().atMost(Duration.ofSeconds(5)).until(() -> held.size() == 2);
      assertThat(payloads(messages(clientId, true, 10))).containsExactly("b");
      assertThat(payloads(messages(clientId, false, 10))).containsExactly("c");
    } finally {
      c.disconnect();
    }
  }

  @Test
  void messagesOfAClientWithoutASessionHereAreEmpty() throws Exception {
    assertThat(result(commands.messages(key(unique("nobody")), false, 10))).isEmpty();
    assertThat(result(commands.messages(key(unique("nobody")), true, 10))).isEmpty();
  }
}
