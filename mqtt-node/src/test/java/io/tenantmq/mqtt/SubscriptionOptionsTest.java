package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.Mqtt5Clients.payload;
import static io.tenantmq.mqtt.TestClients.unique;
import static io.tenantmq.mqtt.TestClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

/**
 * MQTT 5 subscription options on one node [MQTT-3.8.3.1]: No Local, Retain As Published, Retain Handling, and
 * Subscription Identifiers (one delivery carrying every matching identifier), with HiveMQ and Paho v5 clients; the
 * protocol errors with raw packets.
 */
class SubscriptionOptionsTest extends SharedNodeTest {

  private static Mqtt5BlockingClient client(Mqtt5Clients.Received<Mqtt5Publish> into) {
    return Mqtt5Clients.hivemq(node.mqttPort(), unique("opts"), true, 0, into);
  }

  @Test
  void noLocalSubscriptionNeverGetsTheClientsOwnMessages() {
    String topic = unique("opts/nolocal");
    Mqtt5Clients.Received<Mqtt5Publish> own = new Mqtt5Clients.Received<>();
    Mqtt5Clients.Received<Mqtt5Publish> other = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient self = client(own);
    Mqtt5BlockingClient watcher = client(other);
    try {
      self.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).noLocal(true).send();
      watcher.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();

      TestClients.publish(self, topic, "mine", 1);
      TestClients.publish(pub, topic, "theirs", 1);

      assertThat(other.awaitExactly(2)).extracting(Mqtt5Clients::payload).containsExactly("mine", "theirs");
      assertThat(own.awaitExactly(1)).extracting(Mqtt5Clients::payload).containsExactly("theirs");
    } finally {
      self.disconnect();
      watcher.disconnect();
    }
  }

  @Test
  void withoutNoLocalAClientGetsItsOwnMessages() {
    String topic = unique("opts/local");
    Mqtt5Clients.Received<Mqtt5Publish> own = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient self = client(own);
    try {
      self.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      TestClients.publish(self, topic, "mine", 1);
      assertThat(own.awaitExactly(1)).extracting(Mqtt5Clients::payload).containsExactly("mine");
    } finally {
      self.disconnect();
    }
  }

  @Test
  void noLocalAppliesToTheClientsWill() {
    String topic = unique("opts/nolocal-will");
    String clientId = unique("will-owner");
    Mqtt5Clients.Received<Mqtt5Publish> other = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient watcher = client(other);
    Mqtt5BlockingClient owner = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    owner.connectWith().cleanStart(true).sessionExpiryInterval(60)
        .willPublish().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(utf8("will")).applyWillPublish().send();
    Mqtt5Clients.Received<Mqtt5Publish> own = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient back = null;
    try {
      owner.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).noLocal(true).send();
      watcher.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      // 0x04: the will is sent; the session (and its No Local subscription) waits offline
      owner.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();
      assertThat(other.awaitExactly(1)).extracting(Mqtt5Clients::payload).containsExactly("will");

      back = Mqtt5Clients.hivemq(node.mqttPort(), clientId, false, 60, own);
      TestClients.publish(pub, topic, "after", 1);
      // the will was the client's own message: not queued for its No Local subscription
      assertThat(own.awaitExactly(1)).extracting(Mqtt5Clients::payload).containsExactly("after");
    } finally {
      watcher.disconnect();
      if (back != null) {
        back.disconnectWith().sessionExpiryInterval(0).send();
      }
    }
  }

  @Test
  void retainAsPublishedKeepsTheRetainFlagOfLiveMessages() {
    String topic = unique("opts/rap");
    Mqtt5Clients.Received<Mqtt5Publish> asPublished = new Mqtt5Clients.Received<>();
    Mqtt5Clients.Received<Mqtt5Publish> plain = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient a = client(asPublished);
    Mqtt5BlockingClient b = client(plain);
    try {
      a.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).retainAsPublished(true).send();
      b.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();

      TestClients.publishRetained(pub, topic, "retained", 1);
      TestClients.publish(pub, topic, "plain", 1);

      // [MQTT-3.3.1-12] as published; [MQTT-3.3.1-13] 0 without the option
      assertThat(asPublished.awaitExactly(2)).extracting(Mqtt5Clients::payload, Mqtt5Publish::isRetain)
          .containsExactly(tuple("retained", true), tuple("plain", false));
      assertThat(plain.awaitExactly(2)).extracting(Mqtt5Clients::payload, Mqtt5Publish::isRetain)
          .containsExactly(tuple("retained", false), tuple("plain", false));
    } finally {
      pub.publishWith().topic(topic).retain(true).qos(MqttQos.AT_LEAST_ONCE).send(); // clears it
      a.disconnect();
      b.disconnect();
    }
  }

  @Test
  void retainHandlingDecidesWhenRetainedMessagesAreSentAtSubscribe() {
    String topic = unique("opts/rh");
    TestClients.publishRetained(pub, topic, "kept", 1);
    Mqtt5Clients.Received<Mqtt5Publish> zero = new Mqtt5Clients.Received<>();
    Mqtt5Clients.Received<Mqtt5Publish> one = new Mqtt5Clients.Received<>();
    Mqtt5Clients.Received<Mqtt5Publish> two = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient c0 = client(zero);
    Mqtt5BlockingClient c1 = client(one);
    Mqtt5BlockingClient c2 = client(two);
    try {
      for (int i = 0; i < 2; i++) { // the second SUBSCRIBE replaces an existing subscription
        c0.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).retainHandling(Mqtt5RetainHandling.SEND).send();
        c1.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE)
            .retainHandling(Mqtt5RetainHandling.SEND_IF_SUBSCRIPTION_DOES_NOT_EXIST).send();
        c2.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE)
            .retainHandling(Mqtt5RetainHandling.DO_NOT_SEND).send();
      }
      // 0: at every subscribe; 1: only when the subscription is new; 2: never [MQTT-3.3.1-9, -10, -11]
      assertThat(zero.awaitExactly(2)).extracting(Mqtt5Clients::payload, Mqtt5Publish::isRetain)
          .containsExactly(tuple("kept", true), tuple("kept", true));
      assertThat(one.awaitExactly(1)).extracting(Mqtt5Clients::payload, Mqtt5Publish::isRetain)
          .containsExactly(tuple("kept", true));
      two.assertStaysAt(0);

      TestClients.publish(pub, topic, "live", 1);
      assertThat(two.awaitExactly(1)).extracting(Mqtt5Clients::payload).containsExactly("live");
    } finally {
      pub.publishWith().topic(topic).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();
      c0.disconnect();
      c1.disconnect();
      c2.disconnect();
    }
  }

  @Test
  void overlappingSubscriptionsGetOneDeliveryCarryingEveryIdentifier() throws Exception {
    String root = unique("opts/ids");
    Mqtt5Clients.Received<MqttMessage> got = new Mqtt5Clients.Received<>();
    MqttAsyncClient c = Mqtt5Clients.paho(node.mqttPort(), unique("paho-ids"), got);
    try {
      Mqtt5Clients.pahoSubscribe(c, root + "/#", 0, 1);
      Mqtt5Clients.pahoSubscribe(c, root + "/+/x", 1, 2);
      Mqtt5Clients.pahoSubscribe(c, root + "/a/x", 0, 0); // no identifier: adds none

      TestClients.publish(pub, root + "/a/x", "both", 1);
      List<MqttMessage> first = got.awaitExactly(1);
      // [MQTT-3.3.4-3, -4] one PUBLISH, at the highest granted QoS, with the identifiers of all matching subscriptions
      assertThat(first.get(0).getQos()).isEqualTo(1);
      assertThat(first.get(0).getProperties().getSubscriptionIdentifiers()).containsExactlyInAnyOrder(1, 2);

      TestClients.publish(pub, root + "/a/y", "one", 1);
      List<MqttMessage> second = got.awaitExactly(2);
      assertThat(second.get(1).getProperties().getSubscriptionIdentifiers()).containsExactly(1);
    } finally {
      Mqtt5Clients.close(c);
    }
  }

  @Test
  void retainedAndSharedDeliveriesCarryTheirSubscriptionIdentifier() throws Exception {
    String topic = unique("opts/ids-more");
    TestClients.publishRetained(pub, topic, "retained", 1);
    Mqtt5Clients.Received<MqttMessage> got = new Mqtt5Clients.Received<>();
    MqttAsyncClient c = Mqtt5Clients.paho(node.mqttPort(), unique("paho-ids"), got);
    try {
      Mqtt5Clients.pahoSubscribe(c, topic, 1, 7);
      assertThat(got.awaitExactly(1).get(0).getProperties().getSubscriptionIdentifiers()).containsExactly(7);

      Mqtt5Clients.pahoSubscribe(c, "$share/g/" + topic + "/s", 1, 268_435_455);
      TestClients.publish(pub, topic + "/s", "shared", 1);
      MqttMessage shared = got.awaitExactly(2).get(1);
      assertThat(new String(shared.getPayload())).isEqualTo("shared");
      assertThat(shared.getProperties().getSubscriptionIdentifiers()).containsExactly(268_435_455);
    } finally {
      pub.publishWith().topic(topic).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();
      Mqtt5Clients.close(c);
    }
  }

  @Test
  void optionsSurviveATakeoverAndAResume() {
    String topic = unique("opts/resume");
    String clientId = unique("resumer");
    Mqtt5Clients.Received<Mqtt5Publish> first = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient c = Mqtt5Clients.hivemq(node.mqttPort(), clientId, true, 60, first);
    c.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).noLocal(true).retainAsPublished(true).send();

    // taken over by a second connection that resumes the session, which then goes offline and is resumed again
    Mqtt5Clients.Received<Mqtt5Publish> second = new Mqtt5Clients.Received<>();
    Mqtt5Clients.Connected takeover = Mqtt5Clients.hivemqWithConnAck(node.mqttPort(), clientId, false, 60, second);
    assertThat(takeover.connAck().isSessionPresent()).isTrue();
    takeover.client().disconnect();
    Mqtt5Clients.Received<Mqtt5Publish> third = new Mqtt5Clients.Received<>();
    Mqtt5Clients.Connected resumed = Mqtt5Clients.hivemqWithConnAck(node.mqttPort(), clientId, false, 60, third);
    try {
      assertThat(resumed.connAck().isSessionPresent()).isTrue();
      TestClients.publish(resumed.client(), topic, "mine", 1);
      TestClients.publishRetained(pub, topic, "theirs", 1);
      assertThat(third.awaitExactly(1)).extracting(Mqtt5Clients::payload, Mqtt5Publish::isRetain)
          .containsExactly(tuple("theirs", true));
    } finally {
      pub.publishWith().topic(topic).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();
      resumed.client().disconnectWith().sessionExpiryInterval(0).send();
    }
  }

  @Test
  void subscriptionIdentifierZeroIsAProtocolError() throws Exception {
    try (RawMqttClient raw = RawMqttClient.connect5(node.mqttPort(), unique("raw-id0"), true, 0)) {
      raw.send(RawMqttClient.subscribe5Packet(1, unique("opts/id0"), 1, 0));
      RawMqttClient.Packet disconnect = raw.expect(RawMqttClient.DISCONNECT);
      assertThat(disconnect.disconnectReason()).as("0x82 protocol error").isEqualTo(0x82);
      assertThat(raw.closedWithin(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void noLocalOnASharedSubscriptionIsAProtocolError() throws Exception {
    try (RawMqttClient raw = RawMqttClient.connect5(node.mqttPort(), unique("raw-shared-nl"), true, 0)) {
      raw.send(RawMqttClient.subscribe5Packet(1, "$share/g/" + unique("opts/snl"), 0x04 | 1, -1));
      RawMqttClient.Packet disconnect = raw.expect(RawMqttClient.DISCONNECT);
      assertThat(disconnect.disconnectReason()).as("[MQTT-3.8.3-4] 0x82").isEqualTo(0x82);
      assertThat(raw.closedWithin(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void theLargestSubscriptionIdentifierIsAccepted() throws Exception {
    try (RawMqttClient raw = RawMqttClient.connect5(node.mqttPort(), unique("raw-idmax"), true, 0)) {
      raw.send(RawMqttClient.subscribe5Packet(1, unique("opts/idmax"), 1, 268_435_455));
      RawMqttClient.Packet suback = raw.expect(RawMqttClient.SUBACK);
      assertThat(suback.body()[suback.body().length - 1]).as("granted QoS 1").isEqualTo((byte) 1);
    }
  }
}
