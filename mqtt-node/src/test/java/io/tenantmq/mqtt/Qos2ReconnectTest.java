package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.RawMqttClient.PUBCOMP;
import static io.tenantmq.mqtt.RawMqttClient.PUBLISH;
import static io.tenantmq.mqtt.RawMqttClient.PUBREC;
import static io.tenantmq.mqtt.RawMqttClient.PUBREL;
import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.tenantmq.control.registry.ClientState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** QoS 2 stays exactly once when a persistent client's connection breaks in the middle of a flow [MQTT-4.4.0-1]. */
class Qos2ReconnectTest extends SharedNodeTest {

  private static void awaitOffline(String clientId) {
    await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(node, clientId)
        .map(r -> r.state() == ClientState.DISCONNECTED).orElse(false));
  }

  @Test
  void resentPublishAfterReconnectIsDeliveredOnce() throws Exception {
    String topic = unique("qos2/in");
    String clientId = unique("publisher");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), topic, 2, inbox);
    try {
      try (RawMqttClient first = RawMqttClient.connect(node.mqttPort(), clientId, false)) {
        first.send(RawMqttClient.publishPacket(topic, "once", 2, false, false, 7));
        assertThat(first.expect(PUBREC).packetId()).isEqualTo(7);
      }
      awaitOffline(clientId);
      try (RawMqttClient second = RawMqttClient.connect(node.mqttPort(), clientId, false)) {
        assertThat(second.connack().sessionPresent()).isTrue();
        second.send(RawMqttClient.publishPacket(topic, "once", 2, true, false, 7));
        assertThat(second.expect(PUBREC).packetId()).isEqualTo(7);
        second.send(RawMqttClient.ackPacket(PUBREL, 7));
        assertThat(second.expect(PUBCOMP).packetId()).isEqualTo(7);
      }
      assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("once");
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void samePacketIdAfterPubrelIsANewMessage() throws Exception {
    String topic = unique("qos2/reuse");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), topic, 2, inbox);
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), unique("publisher"), true)) {
      for (String payload : new String[] {"first", "second"}) {
        client.send(RawMqttClient.publishPacket(topic, payload, 2, false, false, 9));
        client.expect(PUBREC);
        client.send(RawMqttClient.ackPacket(PUBREL, 9));
        client.expect(PUBCOMP);
      }
      assertThat(inbox.awaitExactly(2)).extracting(Inbox.Msg::payload).containsExactly("first", "second");
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void unacknowledgedPublishIsResentWithDupAndTheSamePacketId() throws Exception {
    String topic = unique("qos2/out");
    String clientId = unique("subscriber");
    int packetId;
    try (RawMqttClient first = RawMqttClient.connect(node.mqttPort(), clientId, false)) {
      first.subscribe(1, topic, 2);
      TestClients.publish(pub, topic, "resend me", 2);
      RawMqttClient.Packet got = first.expect(PUBLISH);
      assertThat(got.dup()).isFalse();
      packetId = got.packetId();
    }
    awaitOffline(clientId);
    try (RawMqttClient second = RawMqttClient.connect(node.mqttPort(), clientId, false)) {
      assertThat(second.connack().sessionPresent()).isTrue();
      RawMqttClient.Packet again = second.expect(PUBLISH);
      assertThat(again.dup()).isTrue();
      assertThat(again.qos()).isEqualTo(2);
      assertThat(again.packetId()).isEqualTo(packetId);
      assertThat(again.payload()).isEqualTo("resend me");
      second.send(RawMqttClient.ackPacket(PUBREC, packetId));
      assertThat(second.expect(PUBREL).packetId()).isEqualTo(packetId);
      second.send(RawMqttClient.ackPacket(PUBCOMP, packetId));

      TestClients.publish(pub, topic, "next", 0);
      RawMqttClient.Packet next = second.expect(PUBLISH);
      assertThat(next.payload()).as("no further resend before the next message").isEqualTo("next");
    }
  }

  @Test
  void releasedButUncompletedDeliveryResendsPubrelOnly() throws Exception {
    String topic = unique("qos2/rel");
    String clientId = unique("subscriber");
    int packetId;
    try (RawMqttClient first = RawMqttClient.connect(node.mqttPort(), clientId, false)) {
      first.subscribe(1, topic, 2);
      TestClients.publish(pub, topic, "m", 2);
      packetId = first.expect(PUBLISH).packetId();
      first.send(RawMqttClient.ackPacket(PUBREC, packetId));
      assertThat(first.expect(PUBREL).packetId()).isEqualTo(packetId);
    }
    awaitOffline(clientId);
    try (RawMqttClient second = RawMqttClient.connect(node.mqttPort(), clientId, false)) {
      RawMqttClient.Packet rel = second.expect(PUBREL);
      assertThat(rel.packetId()).isEqualTo(packetId);
      second.send(RawMqttClient.ackPacket(PUBCOMP, packetId));

      TestClients.publish(pub, topic, "next", 0);
      assertThat(second.expect(PUBLISH).payload()).isEqualTo("next");
    }
  }
}
