package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.tenantmq.control.registry.ClientQuery;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.ClientState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A second CONNECT with the same client id takes the client over: the first connection is closed. */
class TakeoverTest extends SharedNodeTest {

  /** A connected MQTT 5 client whose disconnect, if any, lands in {@code disconnected}. */
  static Mqtt5BlockingClient watched(int port, String clientId, AtomicReference<MqttClientDisconnectedContext> disconnected) {
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port)
        .addDisconnectedListener(disconnected::set).buildBlocking();
    c.connect();
    return c;
  }

  /** Asserts that the client was disconnected by the server with reason 0x8E. */
  static void assertTakenOver(AtomicReference<MqttClientDisconnectedContext> disconnected) {
    await().atMost(Duration.ofSeconds(5)).until(() -> disconnected.get() != null);
    assertThat(disconnected.get().getCause()).isInstanceOf(Mqtt5DisconnectException.class);
    Mqtt5DisconnectException cause = (Mqtt5DisconnectException) disconnected.get().getCause();
    assertThat(cause.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER);
    assertThat(cause.getMqttMessage().getReasonCode().getCode()).isEqualTo(0x8E);
  }

  /** Asserts that the registry holds one CONNECTED record of the client, of channel {@code channelId} on {@code nodeName}. */
  static void assertOneConnectedRecord(TestNode on, String clientId, String channelId, String nodeName) throws Exception {
    ClientRecord record = TestClients.record(on, clientId).orElseThrow();
    assertThat(record.state()).isEqualTo(ClientState.CONNECTED);
    assertThat(record.node()).isEqualTo(nodeName);
    assertThat(record.channelId()).isEqualTo(channelId);
    List<ClientRecord> listed = on.registry.list(TestNode.INSTANCE_ID, ClientQuery.all()).toCompletableFuture()
        .get(5, TimeUnit.SECONDS).stream().filter(r -> r.clientId().equals(clientId)).toList();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).channelId()).isEqualTo(channelId);
    assertThat(listed.get(0).state()).isEqualTo(ClientState.CONNECTED);
  }

  /** Waits for the record of the newest connection (a channel other than {@code before}) and returns its channel. */
  static String awaitNewChannel(TestNode on, String clientId, String before) {
    AtomicReference<String> channel = new AtomicReference<>();
    await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(on, clientId)
        .filter(r -> !r.channelId().equals(before) && r.state() == ClientState.CONNECTED)
        .map(r -> {
          channel.set(r.channelId());
          return true;
        }).orElse(false));
    return channel.get();
  }

  @Test
  void secondConnectClosesTheFirstWithSessionTakenOver() throws Exception {
    String clientId = unique("taken");
    String topic = unique("takeover/t");
    AtomicReference<MqttClientDisconnectedContext> firstGone = new AtomicReference<>();
    Mqtt5BlockingClient first = watched(node.mqttPort(), clientId, firstGone);
    String firstChannel = TestClients.record(node, clientId).orElseThrow().channelId();

    AtomicReference<MqttClientDisconnectedContext> secondGone = new AtomicReference<>();
    Mqtt5BlockingClient second = watched(node.mqttPort(), clientId, secondGone);
    try {
      assertTakenOver(firstGone);
      assertThat(first.getState().isConnected()).isFalse();
      String secondChannel = awaitNewChannel(node, clientId, firstChannel);
      assertThat(secondChannel).isNotEqualTo(firstChannel);

      // the new connection works, and no late write of the old one replaced its record
      Inbox inbox = new Inbox();
      second.toAsync().subscribeWith().topicFilter(topic).qos(TestClients.qos(1)).callback(inbox::accept).send().join();
      TestClients.publish(pub, topic, "to the new one", 1);
      assertThat(inbox.awaitExactly(1).get(0).payload()).isEqualTo("to the new one");
      assertThat(secondGone.get()).isNull();
      assertOneConnectedRecord(node, clientId, secondChannel, node.node.nodeName());
    } finally {
      second.disconnect();
    }
  }

  @Test
  void mqtt3ConnectionIsClosedOnTakeover() throws Exception {
    String clientId = unique("taken3");
    try (RawMqttClient first = RawMqttClient.connect(node.mqttPort(), clientId, true);
         RawMqttClient second = RawMqttClient.connect(node.mqttPort(), clientId, true)) {
      assertThat(first.closedWithin(Duration.ofSeconds(5))).isTrue();
      assertThat(second.closedWithin(Duration.ofMillis(300))).isFalse();
      String channel = TestClients.record(node, clientId).orElseThrow().channelId();
      assertOneConnectedRecord(node, clientId, channel, node.node.nodeName());
      assertThat(TestClients.record(node, clientId).orElseThrow().address()).endsWith(":" + second.localPort());
    }
  }

  @Test
  void persistentConnectDoesNotInheritTheSessionOfACleanConnection() throws Exception {
    String clientId = unique("taken-clean");
    String topic = unique("takeover/clean");
    try (RawMqttClient first = RawMqttClient.connect(node.mqttPort(), clientId, true)) {
      first.subscribe(1, topic, 1);
      // [MQTT-3.1.2-6] a clean session ends with its connection, so there is none to resume
      try (RawMqttClient second = RawMqttClient.connect(node.mqttPort(), clientId, false)) {
        assertThat(second.connack().sessionPresent()).isFalse();
        assertThat(first.closedWithin(Duration.ofSeconds(5))).isTrue();
        TestClients.publish(pub, topic, "not for the new session", 1);
        second.assertSilentFor(Inbox.QUIET);
      }
    }
  }

  @Test
  void persistentTakeoverKeepsTheSubscriptions() throws Exception {
    String clientId = unique("taken-persistent");
    String topic = unique("takeover/persistent");
    try (RawMqttClient first = RawMqttClient.connect(node.mqttPort(), clientId, false)) {
      first.subscribe(1, topic, 1);
      try (RawMqttClient second = RawMqttClient.connect(node.mqttPort(), clientId, false)) {
        assertThat(second.connack().sessionPresent()).isTrue();
        assertThat(first.closedWithin(Duration.ofSeconds(5))).isTrue();
        TestClients.publish(pub, topic, "kept", 1);
        RawMqttClient.Packet got = second.expect(RawMqttClient.PUBLISH);
        assertThat(got.payload()).isEqualTo("kept");
      }
    }
  }
}
