package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad packets close the one connection that sent them; every other client on the node carries on. The node's
 * maximum packet size is 2048 bytes.
 */
class MalformedPacketTest {

  static final int MAX_PACKET_SIZE = 2048;
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  static TestNode node;

  /** A client that stays connected through each test and must keep working. */
  Mqtt5BlockingClient bystander;
  Inbox bystanderInbox;
  String bystanderTopic;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(TestNode.newClusterName(), "node-a", new MqttNodeOptions().setMaxPacketSize(MAX_PACKET_SIZE));
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @BeforeEach
  void connectBystander() {
    bystanderTopic = unique("bystander");
    bystanderInbox = new Inbox();
    bystander = TestClients.v5Subscriber(node.mqttPort(), unique("bystander"), bystanderTopic, 1, bystanderInbox);
  }

  @AfterEach
  void bystanderStillWorks() {
    TestClients.publish(bystander, bystanderTopic, "still here", 1);
    assertThat(bystanderInbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("still here");
    bystander.disconnect();
  }

  private static void assertClosedAfter(byte[] packet) throws Exception {
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), unique("bad"), true)) {
      client.send(packet);
      assertThat(client.closedWithin(CLOSE_TIMEOUT)).as("connection closed").isTrue();
    }
  }

  @Test
  void publishToAWildcardTopicClosesTheConnection() throws Exception {
    assertClosedAfter(RawMqttClient.publishPacket("a/+/b", "x", 0, false, false, 0));
    assertClosedAfter(RawMqttClient.publishPacket("a/#", "x", 1, false, false, 1));
  }

  @Test
  void publishWithInvalidUtf8InTheTopicClosesTheConnection() throws Exception {
    byte[] topic = {'t', '/', (byte) 0xC3, (byte) 0x28};
    assertClosedAfter(RawMqttClient.publishPacket(topic, TestClients.utf8("x"), 1, false, false, 1));
  }

  @Test
  void packetLargerThanTheMaximumClosesTheConnection() throws Exception {
    String topic = unique("big");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), topic, 0, inbox);
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), unique("big"), true)) {
      client.send(RawMqttClient.publishPacket(topic, "a".repeat(MAX_PACKET_SIZE - 100), 0, false, false, 0));
      assertThat(inbox.awaitOne().payload()).hasSize(MAX_PACKET_SIZE - 100);

      client.send(RawMqttClient.publishPacket(topic, "b".repeat(MAX_PACKET_SIZE + 100), 0, false, false, 0));
      assertThat(client.closedWithin(CLOSE_TIMEOUT)).isTrue();
      inbox.assertStaysAt(1);
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void oversizedPacketFromMqtt5ClientGetsDisconnect0x95() throws Exception {
    try (RawMqttClient client = RawMqttClient.open(node.mqttPort())) {
      client.send(RawMqttClient.connect5Packet(unique("big5")));
      assertThat(client.expect(RawMqttClient.CONNACK).body()[1]).isZero();
      client.send(RawMqttClient.publish5Packet(unique("big5/t"), "b".repeat(MAX_PACKET_SIZE + 100)));
      RawMqttClient.Packet disconnect = client.expect(RawMqttClient.DISCONNECT);
      assertThat(disconnect.body()[0] & 0xFF).isEqualTo(0x95);
      assertThat(client.closedWithin(CLOSE_TIMEOUT)).isTrue();
    }
  }

  @Test
  void secondConnectOnTheSameConnectionClosesIt() throws Exception {
    assertClosedAfter(RawMqttClient.connectPacket(unique("again"), true, 60, null));
  }

  @Test
  void invalidSubscriptionFilterIsRefusedWithoutClosing() throws Exception {
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), unique("filter"), true)) {
      assertThat(client.subscribe(1, "a/#/b", 1)).isEqualTo(0x80);
      assertThat(client.subscribe(2, "$share/g", 1)).isEqualTo(0x80);
      assertThat(client.subscribe(3, "ok/+", 1)).isEqualTo(1);
      assertThat(client.closedWithin(Duration.ofMillis(300))).isFalse();
    }
  }

  @Test
  void clientIdOf64CharactersIsAccepted() throws Exception {
    String clientId = (unique("id64") + "-").repeat(8).substring(0, 64);
    assertThat(clientId).hasSize(64);
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), clientId, true)) {
      assertThat(client.connack().returnCode()).isZero();
      assertThat(TestClients.record(node, clientId)).isPresent();
    }

    // an MQTT 3.1 client too, where the spec itself only promised 23 characters
    String clientId31 = (unique("id31") + "-").repeat(8).substring(0, 64);
    MqttClient paho = TestClients.paho3(node.mqttPort(), clientId31, null);
    try {
      paho.connect(TestClients.paho3Options(MqttConnectOptions.MQTT_VERSION_3_1, true));
      assertThat(paho.isConnected()).isTrue();
      assertThat(TestClients.record(node, clientId31).orElseThrow().protocolVersion()).isEqualTo(3);
    } finally {
      paho.disconnect();
      paho.close();
    }
  }

  @Test
  void garbageBeforeConnectClosesTheConnection() throws Exception {
    try (RawMqttClient client = RawMqttClient.open(node.mqttPort())) {
      client.send(new byte[] {(byte) 0xF0, 0x02, 0x00, 0x00}); // reserved packet type 15, where CONNECT must be
      assertThat(client.closedWithin(CLOSE_TIMEOUT)).isTrue();
    }
  }
}
