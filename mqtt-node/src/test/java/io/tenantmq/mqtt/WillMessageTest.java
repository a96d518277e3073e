package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Will messages: published when a connection ends without DISCONNECT, discarded on a normal DISCONNECT. */
class WillMessageTest extends SharedNodeTest {

  private static RawMqttClient.Will will(String topic, String payload, int qos, boolean retain) {
    return new RawMqttClient.Will(topic, TestClients.utf8(payload), qos, retain);
  }

  @Test
  void willIsPublishedWhenTheConnectionDropsWithoutDisconnect() throws Exception {
    String topic = unique("will/drop");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), topic, 1, inbox);
    try {
      RawMqttClient client = RawMqttClient.connect(node.mqttPort(), unique("dying"), true, 60, will(topic, "gone", 1, false));
      client.close();

      Inbox.Msg got = inbox.awaitExactly(1).get(0);
      assertThat(got.payload()).isEqualTo("gone");
      assertThat(got.qos()).isEqualTo(1);
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void willIsDiscardedOnANormalDisconnect() throws Exception {
    String topic = unique("will/normal");
    String clientId = unique("leaving");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), topic, 1, inbox);
    try {
      RawMqttClient client = RawMqttClient.connect(node.mqttPort(), clientId, true, 60, will(topic, "gone", 1, false));
      client.send(RawMqttClient.disconnectPacket());
      assertThat(client.closedWithin(Duration.ofSeconds(5))).as("broker closes after DISCONNECT").isTrue();
      client.close();
      // the record goes once the close is handled, which is where a will would be published
      await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(node, clientId).isEmpty());

      TestClients.publish(pub, topic, "marker", 1);
      assertThat(inbox.awaitExactly(1).get(0).payload()).isEqualTo("marker");
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void retainedWillIsKeptForLaterSubscribers() throws Exception {
    String topic = unique("will/retained");
    RawMqttClient client = RawMqttClient.connect(node.mqttPort(), unique("dying"), true, 60, will(topic, "last", 1, true));
    client.close();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      Inbox inbox = new Inbox();
      Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), topic, 1, inbox);
      try {
        Inbox.Msg got = inbox.awaitOne();
        assertThat(got.payload()).isEqualTo("last");
        assertThat(got.retain()).isTrue();
      } finally {
        sub.disconnect();
      }
    });
  }

  @Test
  void willIsPublishedWhenTheKeepAliveExpires() throws Exception {
    String topic = unique("will/keepalive");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), topic, 1, inbox);
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), unique("silent"), true, 1,
        will(topic, "timed out", 0, false))) {
      assertThat(client.closedWithin(Duration.ofSeconds(4))).isTrue();
      assertThat(inbox.awaitExactly(1).get(0).payload()).isEqualTo("timed out");
    } finally {
      sub.disconnect();
    }
  }
}
