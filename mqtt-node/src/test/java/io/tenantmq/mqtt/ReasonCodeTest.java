package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.RawMqttClient.PROP_MAXIMUM_PACKET_SIZE;
import static io.tenantmq.mqtt.RawMqttClient.PROP_REASON_STRING;
import static io.tenantmq.mqtt.RawMqttClient.PROP_RECEIVE_MAXIMUM;
import static io.tenantmq.mqtt.RawMqttClient.PROP_REQUEST_PROBLEM_INFORMATION;
import static io.tenantmq.mqtt.RawMqttClient.PUBACK;
import static io.tenantmq.mqtt.RawMqttClient.PUBLISH;
import static io.tenantmq.mqtt.RawMqttClient.PUBREC;
import static io.tenantmq.mqtt.RawMqttClient.SUBACK;
import static io.tenantmq.mqtt.RawMqttClient.properties;
import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.unsuback.Mqtt5UnsubAck;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.unsuback.Mqtt5UnsubAckReasonCode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reason codes and Reason Strings on acknowledgements and DISCONNECT, both ways [MQTT-3.1.2-29, MQTT-4.3.3]. */
class ReasonCodeTest {

  private static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = LimitsNode.shared();
  }

  @Test
  void refusedFilterGetsSuback0x8FWithAReasonString() throws Exception {
    try (RawMqttClient c = RawMqttClient.connect5(node.mqttPort(), unique("suback"), 0, properties())) {
      c.send(RawMqttClient.subscribe5Packet(1, "a/#/b", 1));
      RawMqttClient.Packet suback = c.expect(SUBACK);
      assertThat(suback.ackReasonCodes()).containsExactly(0x8F);
      assertThat((String) suback.properties().get(PROP_REASON_STRING)).isEqualTo("refused: filter 1 topic filter invalid");
    }
  }

  @Test
  void clientThatAsksForNoProblemInformationGetsTheCodeWithoutReasonString() throws Exception {
    try (RawMqttClient c = RawMqttClient.connect5(node.mqttPort(), unique("no-problem-info"), 0,
        properties().byteProperty(PROP_REQUEST_PROBLEM_INFORMATION, 0))) {
      c.send(RawMqttClient.subscribe5Packet(1, "a/#/b", 1));
      RawMqttClient.Packet suback = c.expect(SUBACK);
      assertThat(suback.ackReasonCodes()).containsExactly(0x8F);
      assertThat(suback.properties()).doesNotContainKey(PROP_REASON_STRING);
    }
  }

  @Test
  void reasonStringThatWouldExceedTheClientsMaximumPacketSizeIsLeftOut() throws Exception {
    try (RawMqttClient c = RawMqttClient.connect5(node.mqttPort(), unique("tiny"), 0,
        properties().fourByte(PROP_MAXIMUM_PACKET_SIZE, 32))) {
      c.send(RawMqttClient.subscribe5Packet(1, "a/#/b", 1));
      RawMqttClient.Packet suback = c.expect(SUBACK);
      assertThat(suback.ackReasonCodes()).containsExactly(0x8F);
      assertThat(suback.properties()).doesNotContainKey(PROP_REASON_STRING);
    }
  }

  @Test
  void hivemqSeesNoMatchingSubscribersAndNoSubscriptionExisted() {
    Mqtt5BlockingClient c = TestClients.v5(node.mqttPort(), unique("codes"));
    try {
      Mqtt5PublishResult result = c.publishWith().topic(unique("nobody/listens")).qos(MqttQos.AT_LEAST_ONCE).send();
      assertThat(((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode())
          .isEqualTo(Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
      Mqtt5UnsubAck unsuback = c.unsubscribeWith().topicFilter(unique("never/subscribed")).send();
      assertThat(unsuback.getReasonCodes()).containsExactly(Mqtt5UnsubAckReasonCode.NO_SUBSCRIPTIONS_EXISTED);
    } finally {
      c.disconnect();
    }
  }

  @Test
  void pubrecWithAFailureCodeEndsTheQos2FlowWithoutPubrel() throws Exception {
    String topic = unique("codes/pubrec");
    Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("pub"));
    double before = LimitsNode.count(node, "tenantmq.client.reason.codes", "packet", "pubrec", "code", "0x80");
    try (RawMqttClient sub = RawMqttClient.connect5(node.mqttPort(), unique("refuser"), 0,
        properties().twoByte(PROP_RECEIVE_MAXIMUM, 1))) {
      sub.send(RawMqttClient.subscribe5Packet(1, topic, 2));
      sub.expect(SUBACK);
      TestClients.publish(pub, topic, "one", 2);
      TestClients.publish(pub, topic, "two", 2);
      RawMqttClient.Packet one = sub.expect(PUBLISH);
      assertThat(one.payload5()).isEqualTo("one");
      sub.send(RawMqttClient.ack5Packet(PUBREC, one.packetId(), 0x80));
      // no PUBREL for "one": the window of one is free and "two" comes next
      RawMqttClient.Packet next = sub.expect(PUBLISH);
      assertThat(next.payload5()).isEqualTo("two");
      assertThat(LimitsNode.count(node, "tenantmq.client.reason.codes", "packet", "pubrec", "code", "0x80"))
          .isEqualTo(before + 1);
    } finally {
      pub.disconnect();
    }
  }

  @Test
  void pubackWithAFailureCodeCompletesTheDeliveryAndIsCounted() throws Exception {
    String topic = unique("codes/puback");
    Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("pub"));
    double before = LimitsNode.count(node, "tenantmq.client.reason.codes", "packet", "puback", "code", "0x83");
    try (RawMqttClient sub = RawMqttClient.connect5(node.mqttPort(), unique("refuser"), 0,
        properties().twoByte(PROP_RECEIVE_MAXIMUM, 1))) {
      sub.send(RawMqttClient.subscribe5Packet(1, topic, 1));
      sub.expect(SUBACK);
      TestClients.publish(pub, topic, "one", 1);
      TestClients.publish(pub, topic, "two", 1);
      RawMqttClient.Packet one = sub.expect(PUBLISH);
      sub.send(RawMqttClient.ack5Packet(PUBACK, one.packetId(), 0x83));
      assertThat(sub.expect(PUBLISH).payload5()).isEqualTo("two");
      assertThat(LimitsNode.count(node, "tenantmq.client.reason.codes", "packet", "puback", "code", "0x83"))
          .isEqualTo(before + 1);
    } finally {
      pub.disconnect();
    }
  }

  @Test
  void disconnectWithAnErrorCodeSendsTheWillAndIsCounted() throws Exception {
    String willTopic = unique("codes/will");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient watcher = TestClients.v5Subscriber(node.mqttPort(), unique("watcher"), willTopic, 1, inbox);
    double before = LimitsNode.count(node, "tenantmq.client.reason.codes", "packet", "disconnect", "code", "0x80");
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(unique("failing")).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    c.connectWith().willPublish().topic(willTopic).payload(TestClients.utf8("gone")).qos(MqttQos.AT_LEAST_ONCE)
        .applyWillPublish().send();
    Mqtt5BlockingClient normal = Mqtt5Client.builder().identifier(unique("normal")).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    normal.connectWith().willPublish().topic(willTopic).payload(TestClients.utf8("not sent")).applyWillPublish().send();
    try {
      normal.disconnect(); // 0x00: the will is discarded [MQTT-3.14.4-3]
      c.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.UNSPECIFIED_ERROR).send();
      assertThat(inbox.awaitOne().payload()).isEqualTo("gone");
      inbox.assertStaysAt(1);
      await().atMost(Duration.ofSeconds(5)).until(() ->
          LimitsNode.count(node, "tenantmq.client.reason.codes", "packet", "disconnect", "code", "0x80") == before + 1);
    } finally {
      watcher.disconnect();
    }
  }

  @Test
  void pubrelAndPubrecForUnknownPacketIdsGetPacketIdentifierNotFound() throws Exception {
    try (RawMqttClient c = RawMqttClient.connect5(node.mqttPort(), unique("unknown-ids"), 0, properties())) {
      c.send(RawMqttClient.ackPacket(RawMqttClient.PUBREL, 77));
      RawMqttClient.Packet pubcomp = c.expect(RawMqttClient.PUBCOMP);
      assertThat(pubcomp.packetId()).isEqualTo(77);
      assertThat(pubcomp.ackReasonCode()).isEqualTo(0x92);

      c.send(RawMqttClient.ackPacket(PUBREC, 88));
      RawMqttClient.Packet pubrel = c.expect(RawMqttClient.PUBREL);
      assertThat(pubrel.packetId()).isEqualTo(88);
      assertThat(pubrel.ackReasonCode()).isEqualTo(0x92);

      // a real QoS 2 flow still completes with success codes
      c.send(RawMqttClient.publish5Packet(unique("codes/qos2"), "x", 2, 5, properties()));
      assertThat(c.expect(PUBREC).ackReasonCode()).isIn(0x00, 0x10);
      c.send(RawMqttClient.ackPacket(RawMqttClient.PUBREL, 5));
      RawMqttClient.Packet done = c.expect(RawMqttClient.PUBCOMP);
      assertThat(done.packetId()).isEqualTo(5);
      assertThat(done.ackReasonCode()).isZero();
    }
  }

  @Test
  void protocolErrorDisconnectCarriesAReasonString() throws Exception {
    try (RawMqttClient c = RawMqttClient.connect5(node.mqttPort(), unique("bad-topic"), 0, properties())) {
      c.send(RawMqttClient.publish5Packet("a/+/b", "x", 0, 0, properties()));
      RawMqttClient.Packet disconnect = c.expect(RawMqttClient.DISCONNECT);
      assertThat(disconnect.disconnectReason()).isIn(0x90, 0x81);
      assertThat(disconnect.properties()).containsKey(PROP_REASON_STRING);
    }
  }
}
