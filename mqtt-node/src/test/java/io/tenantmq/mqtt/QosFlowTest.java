package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.RawMqttClient.PUBACK;
import static io.tenantmq.mqtt.RawMqttClient.PUBCOMP;
import static io.tenantmq.mqtt.RawMqttClient.PUBLISH;
import static io.tenantmq.mqtt.RawMqttClient.PUBREC;
import static io.tenantmq.mqtt.RawMqttClient.PUBREL;
import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** QoS 0, 1 and 2 flows in both directions, QoS downgrade, and MQTT 3.1, 3.1.1 and 5 clients. */
class QosFlowTest extends SharedNodeTest {


  @ParameterizedTest(name = "QoS {0}")
  @ValueSource(ints = {0, 1, 2})
  void publishAndDeliveryFollowTheQosFlowOnTheWire(int qos) throws Exception {
    String topic = unique("qos/wire");
    try (RawMqttClient sub = RawMqttClient.connect(node.mqttPort(), unique("sub"), true);
         RawMqttClient pub = RawMqttClient.connect(node.mqttPort(), unique("pub"), true)) {
      assertThat(sub.subscribe(1, topic, qos)).as("granted QoS").isEqualTo(qos);

      pub.send(RawMqttClient.publishPacket(topic, "m-" + qos, qos, false, false, 10));
      if (qos == 1) {
        assertThat(pub.expect(PUBACK).packetId()).isEqualTo(10);
      } else if (qos == 2) {
        assertThat(pub.expect(PUBREC).packetId()).isEqualTo(10);
        pub.send(RawMqttClient.ackPacket(PUBREL, 10));
        assertThat(pub.expect(PUBCOMP).packetId()).isEqualTo(10);
      }

      RawMqttClient.Packet got = sub.expect(PUBLISH);
      assertThat(got.qos()).isEqualTo(qos);
      assertThat(got.topic()).isEqualTo(topic);
      assertThat(got.payload()).isEqualTo("m-" + qos);
      assertThat(got.dup()).isFalse();
      if (qos == 1) {
        sub.send(RawMqttClient.ackPacket(PUBACK, got.packetId()));
      } else if (qos == 2) {
        sub.send(RawMqttClient.ackPacket(PUBREC, got.packetId()));
        assertThat(sub.expect(PUBREL).packetId()).isEqualTo(got.packetId());
        sub.send(RawMqttClient.ackPacket(PUBCOMP, got.packetId()));
      }

      // the flow is finished: the next message is a fresh delivery, not a resend
      pub.send(RawMqttClient.publishPacket(topic, "next", 0, false, false, 0));
      RawMqttClient.Packet next = sub.expect(PUBLISH);
      assertThat(next.payload()).isEqualTo("next");
      assertThat(next.dup()).isFalse();
    }
  }

  @Test
  void unacknowledgedDeliveriesStopAtTheInflightWindow() throws Exception {
    String topic = unique("qos/window");
    int window = MqttNodeOptions.DEFAULT_MAX_INFLIGHT;
    Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("pub"));
    try (RawMqttClient sub = RawMqttClient.connect(node.mqttPort(), unique("slow"), true)) {
      sub.subscribe(1, topic, 1);
      for (int i = 0; i < window + 5; i++) {
        TestClients.publish(pub, topic, "m" + i, 1);
      }
      List<RawMqttClient.Packet> got = new ArrayList<>();
      for (int i = 0; i < window; i++) {
        got.add(sub.expect(PUBLISH));
      }
      assertThat(got).extracting(RawMqttClient.Packet::payload).startsWith("m0").endsWith("m" + (window - 1));
      // the window is full: nothing more until a PUBACK frees a slot
      sub.assertSilentFor(Inbox.QUIET);
      sub.send(RawMqttClient.ackPacket(PUBACK, got.get(0).packetId()));
      assertThat(sub.expect(PUBLISH).payload()).isEqualTo("m" + window);
    } finally {
      pub.disconnect();
    }
  }

  @ParameterizedTest(name = "published at {0}, subscribed at {1}: delivered at {2}")
  @CsvSource({"2,1,1", "2,0,0", "1,0,0", "1,2,1", "0,2,0", "2,2,2"})
  void deliveryQosIsTheLowerOfMessageAndSubscription(int publishQos, int subscribeQos, int expected) {
    String topic = unique("qos/downgrade");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), topic, subscribeQos, inbox);
    Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("pub"));
    try {
      TestClients.publish(pub, topic, "x", publishQos);
      Inbox.Msg got = inbox.awaitExactly(1).get(0);
      assertThat(got.qos()).isEqualTo(expected);
      assertThat(got.payload()).isEqualTo("x");
    } finally {
      pub.disconnect();
      sub.disconnect();
    }
  }

  @ParameterizedTest(name = "Paho v3, MqttConnectOptions version {0} (protocol level {1})")
  @CsvSource({"3,3", "4,4"})
  void mqtt3ClientsPublishAndReceiveAtEveryQos(int pahoVersion, int protocolLevel) throws Exception {
    String topic = unique("qos/v3");
    Inbox inbox = new Inbox();
    String subId = unique("sub3");
    MqttClient sub = TestClients.paho3(node.mqttPort(), subId, inbox);
    MqttClient pub = TestClients.paho3(node.mqttPort(), unique("pub3"), null);
    try {
      MqttConnectOptions options = TestClients.paho3Options(pahoVersion, true);
      sub.connect(options);
      pub.connect(options);
      sub.subscribe(topic, 2);
      for (int qos = 0; qos <= 2; qos++) {
        pub.publish(topic, ("q" + qos).getBytes(), qos, false);
      }
      List<Inbox.Msg> got = inbox.awaitExactly(3);
      assertThat(got).extracting(Inbox.Msg::payload, Inbox.Msg::qos)
          .containsExactly(tuple("q0", 0), tuple("q1", 1),
              tuple("q2", 2));
      assertThat(TestClients.record(node, subId).orElseThrow().protocolVersion()).isEqualTo(protocolLevel);
    } finally {
      pub.disconnect();
      sub.disconnect();
      pub.close();
      sub.close();
    }
  }

  @Test
  void mqtt5ClientsPublishAndReceiveAtEveryQos() throws Exception {
    String topic = unique("qos/v5");
    Inbox inbox = new Inbox();
    String uri = "tcp://127.0.0.1:" + node.mqttPort();
    String subId = unique("sub5");
    var sub = new org.eclipse.paho.mqttv5.client.MqttClient(uri, subId, new MemoryPersistence());
    var pub = new org.eclipse.paho.mqttv5.client.MqttClient(uri, unique("pub5"), new MemoryPersistence());
    try {
      sub.setCallback(inbox.paho5());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setCleanStart(true);
      sub.connect(options);
      pub.connect(options);
      sub.subscribe(topic, 2);
      for (int qos = 0; qos <= 2; qos++) {
        pub.publish(topic, ("q" + qos).getBytes(), qos, false);
      }
      List<Inbox.Msg> got = inbox.awaitExactly(3);
      assertThat(got).extracting(Inbox.Msg::payload, Inbox.Msg::qos)
          .containsExactly(tuple("q0", 0), tuple("q1", 1),
              tuple("q2", 2));
      assertThat(TestClients.record(node, subId).orElseThrow().protocolVersion()).isEqualTo(5);
    } finally {
      pub.disconnect();
      sub.disconnect();
      pub.close();
      sub.close();
    }
  }
}
