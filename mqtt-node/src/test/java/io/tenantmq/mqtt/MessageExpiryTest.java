package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static io.tenantmq.mqtt.TestClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Message Expiry Interval [MQTT-3.3.2-5, -6]: a message whose interval passed while it waited (offline session, full
 * window, retained) is not delivered; what is delivered carries the interval that is left.
 */
class MessageExpiryTest extends SharedNodeTest {

  private static void publish(String topic, String payload, long expirySeconds, boolean retain) {
    var p = pub.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain).payload(utf8(payload));
    if (expirySeconds > 0) {
      p.messageExpiryInterval(expirySeconds);
    }
    p.send();
  }

  /** Lets {@code millis} pass (nothing to wait for: the broker's clock is what the test is about). */
  private static void let(long millis) {
    await().pollDelay(Duration.ofMillis(millis)).atMost(Duration.ofMillis(millis + 1000)).until(() -> true);
  }

  @Test
  void aLiveMessageCarriesItsExpiryInterval() {
    String topic = unique("expiry/live");
    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient sub = Mqtt5Clients.hivemq(node.mqttPort(), unique("exp-live"), true, 0, got);
    try {
      sub.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      publish(topic, "timed", 30, false);
      publish(topic, "untimed", 0, false);
      List<Mqtt5Publish> messages = got.awaitExactly(2);
      assertThat(messages.get(0).getMessageExpiryInterval()).isEqualTo(OptionalLong.of(30));
      assertThat(messages.get(1).getMessageExpiryInterval()).isEmpty();
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void messagesThatExpireWhileTheSessionIsOfflineAreNotDelivered() {
    String topic = unique("expiry/offline");
    String clientId = unique("exp-offline");
    Mqtt5BlockingClient first = Mqtt5Clients.hivemq(node.mqttPort(), clientId, true, 60, null);
    first.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
    first.disconnect();

    publish(topic, "short", 1, false);
    publish(topic, "long", 60, false);
    publish(topic, "forever", 0, false);
    let(2100);

    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5Clients.Connected back = Mqtt5Clients.hivemqWithConnAck(node.mqttPort(), clientId, false, 60, got);
    try {
      assertThat(back.connAck().isSessionPresent()).isTrue();
      List<Mqtt5Publish> messages = got.awaitExactly(2);
      assertThat(messages).extracting(Mqtt5Clients::payload).containsExactly("long", "forever");
      // [MQTT-3.3.2-6] what is left of 60 s after waiting more than 2 s
      assertThat(messages.get(0).getMessageExpiryInterval().orElseThrow()).isBetween(40L, 58L);
      assertThat(messages.get(1).getMessageExpiryInterval()).isEmpty();
    } finally {
      back.client().disconnectWith().sessionExpiryInterval(0).send();
    }
  }

  @Test
  void aMessageThatExpiresWaitingForRoomInTheWindowIsNotDelivered() {
    String topic = unique("expiry/window");
    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient sub = Mqtt5Client.builder().identifier(unique("exp-window")).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    sub.toAsync().publishes(MqttGlobalPublishFilter.ALL, got, true); // acknowledged by hand
    sub.connectWith().restrictions().receiveMaximum(1).applyRestrictions().send();
    try {
      sub.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      publish(topic, "holds-the-window", 0, false);
      publish(topic, "expires-queued", 1, false);
      publish(topic, "outlives-the-wait", 60, false);
      assertThat(got.awaitExactly(1)).extracting(Mqtt5Clients::payload).containsExactly("holds-the-window");

      let(2100);
      got.all().get(0).acknowledge();

      List<Mqtt5Publish> messages = got.awaitExactly(2);
      assertThat(messages.get(1).getPayloadAsBytes()).isEqualTo(utf8("outlives-the-wait"));
      assertThat(messages.get(1).getMessageExpiryInterval().orElseThrow()).isBetween(40L, 58L);
      messages.get(1).acknowledge();
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void anExpiredRetainedMessageIsNoLongerSent() {
    String topic = unique("expiry/retained");
    publish(topic, "brief", 1, true);
    Mqtt5Clients.Received<Mqtt5Publish> early = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient first = Mqtt5Clients.hivemq(node.mqttPort(), unique("exp-ret1"), true, 0, early);
    try {
      first.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      assertThat(early.awaitExactly(1).get(0).getMessageExpiryInterval()).isEqualTo(OptionalLong.of(1));
    } finally {
      first.disconnect();
    }
    let(1500);
    Mqtt5Clients.Received<Mqtt5Publish> late = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient second = Mqtt5Clients.hivemq(node.mqttPort(), unique("exp-ret2"), true, 0, late);
    try {
      second.subscribeWith().topicFilter(topic + "/#").qos(MqttQos.AT_LEAST_ONCE).send(); // wildcard lookup too
      second.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      late.assertStaysAt(0);
    } finally {
      second.disconnect();
    }
  }

  @Test
  void aRetainedMessageCarriesTheIntervalThatIsLeft() {
    String topic = unique("expiry/retained-left");
    publish(topic, "kept", 60, true);
    let(2100);
    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient sub = Mqtt5Clients.hivemq(node.mqttPort(), unique("exp-ret3"), true, 0, got);
    try {
      sub.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      Mqtt5Publish p = got.awaitExactly(1).get(0);
      assertThat(p.isRetain()).isTrue();
      assertThat(p.getMessageExpiryInterval().orElseThrow()).isBetween(40L, 58L);
    } finally {
      pub.publishWith().topic(topic).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();
      sub.disconnect();
    }
  }
}
