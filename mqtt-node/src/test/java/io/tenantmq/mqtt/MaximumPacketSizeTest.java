package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.RawMqttClient.DISCONNECT;
import static io.tenantmq.mqtt.RawMqttClient.PROP_MAXIMUM_PACKET_SIZE;
import static io.tenantmq.mqtt.RawMqttClient.PROP_RECEIVE_MAXIMUM;
import static io.tenantmq.mqtt.RawMqttClient.PUBLISH;
import static io.tenantmq.mqtt.RawMqttClient.properties;
import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import io.tenantmq.control.registry.PacketCounter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Maximum Packet Size both ways: the client's [MQTT-3.1.2-24, -25] and the node's (4096 here). */
class MaximumPacketSizeTest {

  private static final String TOO_LARGE = "tenantmq.messages.dropped.too.large";
  private static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = LimitsNode.shared();
  }

  @Test
  void publishLargerThanTheClientAllowsIsDiscardedAsIfSent() throws Exception {
    String topic = unique("size/raw");
    String clientId = unique("small");
    Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("pub"));
    double before = LimitsNode.count(node, TOO_LARGE);
    // a window of one: had the discarded QoS 1 message stayed in flight, nothing else could follow it
    try (RawMqttClient sub = RawMqttClient.connect5(node.mqttPort(), clientId, 0,
        properties().fourByte(PROP_MAXIMUM_PACKET_SIZE, 200).twoByte(PROP_RECEIVE_MAXIMUM, 1))) {
      sub.send(RawMqttClient.subscribe5Packet(1, topic, 1));
      sub.expect(RawMqttClient.SUBACK);
      TestClients.publish(pub, topic, "x".repeat(300), 1);
      TestClients.publish(pub, topic, "small", 1);

      RawMqttClient.Packet got = sub.expect(PUBLISH);
      assertThat(got.payload5()).isEqualTo("small");
      assertThat(1 + 2 + got.body().length).isLessThanOrEqualTo(200);
      assertThat(LimitsNode.count(node, TOO_LARGE)).isEqualTo(before + 1);
      await().atMost(Duration.ofSeconds(5)).until(() ->
          TestClients.record(node, clientId).orElseThrow().counters().sent(PacketCounter.DROPPED) == 1);
    } finally {
      pub.disconnect();
    }
  }

  @Test
  void packetsUpToExactlyTheClientsMaximumArriveWithTheirProperties() throws Exception {
    String topic = unique("size/edge");
    int max = 200;
    Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("pub"));
    try (RawMqttClient sub = RawMqttClient.connect5(node.mqttPort(), unique("edge"), 0,
        properties().fourByte(PROP_MAXIMUM_PACKET_SIZE, max))) {
      sub.send(RawMqttClient.subscribe5Packet(1, topic, 1));
      sub.expect(RawMqttClient.SUBACK);
      // properties count too: a user property, a content type and a message expiry travel with each message
      for (int length = 100; length <= 180; length++) {
        pub.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(new byte[length]).contentType("text/plain")
            .messageExpiryInterval(600).userProperties().add("k", "v").applyUserProperties().send();
      }
      TestClients.publish(pub, topic, "end", 1);
      int largest = 0;
      int smallest = Integer.MAX_VALUE;
      int delivered = 0;
      while (true) {
        RawMqttClient.Packet p = sub.expect(PUBLISH);
        sub.send(RawMqttClient.ackPacket(RawMqttClient.PUBACK, p.packetId()));
        if (p.payload5().equals("end")) {
          break;
        }
        int size = 1 + (p.body().length < 128 ? 1 : 2) + p.body().length;
        assertThat(size).isLessThanOrEqualTo(max);
        largest = Math.max(largest, size);
        smallest = Math.min(smallest, size);
        delivered++;
      }
      // none that fits is dropped: every size from the smallest up to exactly the maximum arrived, once
      assertThat(largest).isEqualTo(max);
      assertThat(delivered).isEqualTo(largest - smallest + 1).isLessThan(81);
    } finally {
      pub.disconnect();
    }
  }

  @Test
  void hivemqSubscriberWithAMaximumPacketSizeGetsOnlyWhatFits() throws Exception {
    String topic = unique("size/hive");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = Mqtt5Client.builder().identifier(unique("hive")).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    sub.connectWith().restrictions().maximumPacketSize(256).applyRestrictions().send();
    sub.toAsync().subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).callback(inbox::accept).send()
        .get(10, TimeUnit.SECONDS);
    Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("pub"));
    try {
      TestClients.publish(pub, topic, "a", 1);
      TestClients.publish(pub, topic, "b".repeat(1000), 1);
      TestClients.publish(pub, topic, "c", 0);
      TestClients.publish(pub, topic, "d".repeat(1000), 0);
      TestClients.publish(pub, topic, "e", 1);
      inbox.awaitExactly(3);
      assertThat(inbox.payloads()).containsExactly("a", "c", "e");
      assertThat(sub.getState().isConnected()).isTrue();
    } finally {
      pub.disconnect();
      sub.disconnect();
    }
  }

  @Test
  void hivemqLearnsTheNodesMaximumAndARawPacketOverItGetsDisconnect0x95() throws Exception {
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(unique("hive-big")).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    Mqtt5ConnAck connack = c.connect();
    try {
      assertThat(connack.getRestrictions().getMaximumPacketSize()).isEqualTo(LimitsNode.MAX_PACKET_SIZE);
      // HiveMQ keeps to it: a PUBLISH over it fails in the client and never reaches the node
      CompletableFuture<?> tooBig = c.toAsync().publishWith().topic(unique("size/big")).qos(MqttQos.AT_LEAST_ONCE)
          .payload(new byte[LimitsNode.MAX_PACKET_SIZE + 10]).send()
          .thenApply(result -> result.getError().map(e -> {
            throw new IllegalStateException(e);
          }).orElse(null));
      assertThat(tooBig).failsWithin(Duration.ofSeconds(5)).withThrowableThat().withMessageContaining("maximum packet size");
      assertThat(c.getState().isConnected()).isTrue();
    } finally {
      c.disconnect();
    }
    try (RawMqttClient raw = RawMqttClient.connect5(node.mqttPort(), unique("raw-big"), 0, properties())) {
      raw.send(RawMqttClient.publish5Packet(unique("size/big"), "b".repeat(LimitsNode.MAX_PACKET_SIZE + 10), 0, 0,
          properties()));
      assertThat(raw.expect(DISCONNECT).disconnectReason()).isEqualTo(0x95);
      assertThat(raw.closedWithin(Duration.ofSeconds(3))).isTrue();
    }
  }
}
