package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.RawMqttClient.DISCONNECT;
import static io.tenantmq.mqtt.RawMqttClient.PROP_RECEIVE_MAXIMUM;
import static io.tenantmq.mqtt.RawMqttClient.PUBACK;
import static io.tenantmq.mqtt.RawMqttClient.PUBLISH;
import static io.tenantmq.mqtt.RawMqttClient.PUBREC;
import static io.tenantmq.mqtt.RawMqttClient.properties;
import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flow control in both directions [MQTT-4.9]: the node's Receive Maximum (3 here) and the client's. */
class ReceiveMaximumTest {

  private static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = LimitsNode.shared();
  }

  @Test
  void connackAnnouncesTheReceiveMaximum() {
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(unique("recv-max")).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    Mqtt5ConnAck connack = c.connect();
    try {
      assertThat(connack.getRestrictions().getReceiveMaximum()).isEqualTo(LimitsNode.RECEIVE_MAXIMUM);
    } finally {
      c.disconnect();
    }
  }

  @Test
  void oneQos2PublishMoreThanTheReceiveMaximumGetsDisconnect0x93() throws Exception {
    String topic = unique("flow/in");
    try (RawMqttClient pub = RawMqttClient.connect5(node.mqttPort(), unique("greedy"), 0, properties())) {
      for (int id = 1; id <= LimitsNode.RECEIVE_MAXIMUM; id++) {
        pub.send(RawMqttClient.publish5Packet(topic, "m" + id, 2, id, properties()));
        assertThat(pub.expect(PUBREC).packetId()).isEqualTo(id);
      }
      // a resend of an open flow is not a new PUBLISH
      pub.send(RawMqttClient.publish5Packet(topic, "m1", 2, 1, properties()));
      assertThat(pub.expect(PUBREC).packetId()).isEqualTo(1);

      pub.send(RawMqttClient.publish5Packet(topic, "one too many", 2, 99, properties()));
      assertThat(pub.expect(DISCONNECT).disconnectReason()).isEqualTo(0x93);
      assertThat(pub.closedWithin(Duration.ofSeconds(3))).isTrue();
    }
  }

  @Test
  void completedQos2FlowsMakeRoomAgain() throws Exception {
    String topic = unique("flow/room");
    try (RawMqttClient pub = RawMqttClient.connect5(node.mqttPort(), unique("polite"), 0, properties())) {
      for (int id = 1; id <= LimitsNode.RECEIVE_MAXIMUM * 3; id++) {
        pub.send(RawMqttClient.publish5Packet(topic, "m" + id, 2, id, properties()));
        assertThat(pub.expect(PUBREC).packetId()).isEqualTo(id);
        pub.send(RawMqttClient.ackPacket(RawMqttClient.PUBREL, id));
        assertThat(pub.expect(RawMqttClient.PUBCOMP).packetId()).isEqualTo(id);
      }
      pub.send(RawMqttClient.publish5Packet(topic, "qos1", 1, 500, properties()));
      assertThat(pub.expect(PUBACK).packetId()).isEqualTo(500);
    }
  }

  @Test
  void hivemqPublisherStaysWithinTheReceiveMaximumAndEveryMessageArrives() throws Exception {
    String topic = unique("flow/hive");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), topic, 2, inbox);
    Mqtt5AsyncClient pub = TestClients.v5(node.mqttPort(), unique("pub")).toAsync();
    try {
      List<CompletableFuture<?>> sent = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        sent.add(pub.publishWith().topic(topic).qos(MqttQos.EXACTLY_ONCE).payload(TestClients.utf8("m" + i)).send());
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
      assertThat(inbox.awaitExactly(30)).hasSize(30);
      assertThat(pub.getState().isConnected()).isTrue();
    } finally {
      pub.disconnect().get(5, TimeUnit.SECONDS);
      sub.disconnect();
    }
  }

  @Test
  void deliveriesStopAtTheClientsReceiveMaximumUntilAcknowledged() throws Exception {
    String topic = unique("flow/out");
    Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("pub"));
    try (RawMqttClient sub = RawMqttClient.connect5(node.mqttPort(), unique("slow"), 0,
        properties().twoByte(PROP_RECEIVE_MAXIMUM, 2))) {
      sub.send(RawMqttClient.subscribe5Packet(1, topic, 1));
      sub.expect(RawMqttClient.SUBACK);
      for (int i = 0; i < 4; i++) {
        TestClients.publish(pub, topic, "m" + i, 1);
      }
      RawMqttClient.Packet first = sub.expect(PUBLISH);
      RawMqttClient.Packet second = sub.expect(PUBLISH);
      assertThat(List.of(first.payload5(), second.payload5())).containsExactly("m0", "m1");
      sub.assertSilentFor(Duration.ofMillis(500));

      sub.send(RawMqttClient.ackPacket(PUBACK, first.packetId()));
      assertThat(sub.expect(PUBLISH).payload5()).isEqualTo("m2");
      sub.assertSilentFor(Duration.ofMillis(300));
    } finally {
      pub.disconnect();
    }
  }
}
