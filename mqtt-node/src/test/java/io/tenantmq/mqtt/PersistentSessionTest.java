package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import io.tenantmq.control.registry.ClientState;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;

/** Persistent sessions: subscriptions and QoS 1/2 messages survive a disconnect; clean start discards them. */
class PersistentSessionTest extends SharedNodeTest {

  static void awaitOffline(TestNode on, String clientId) {
    await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(on, clientId)
        .map(r -> r.state() == ClientState.DISCONNECTED).orElse(false));
  }

  private static MqttConnectOptions persistent() {
    return TestClients.paho3Options(MqttConnectOptions.MQTT_VERSION_3_1_1, false);
  }

  @Test
  void mqtt3SessionKeepsQos1MessagesButNotQos0WhileOffline() throws Exception {
    String topic = unique("persist/v3");
    String clientId = unique("v3");
    MqttClient first = TestClients.paho3(node.mqttPort(), clientId, null);
    assertThat(first.connectWithResult(persistent()).getSessionPresent()).isFalse();
    first.subscribe(topic, 1);
    first.disconnect();
    first.close();
    awaitOffline(node, clientId);
    long createdAt = TestClients.record(node, clientId).orElseThrow().createdAtMillis();

    TestClients.publish(pub, topic, "q1-a", 1);
    TestClients.publish(pub, topic, "q0", 0);
    TestClients.publish(pub, topic, "q1-b", 2);

    Inbox inbox = new Inbox();
    MqttClient second = TestClients.paho3(node.mqttPort(), clientId, inbox);
    try {
      assertThat(second.connectWithResult(persistent()).getSessionPresent()).isTrue();
      assertThat(TestClients.record(node, clientId).orElseThrow().createdAtMillis()).as("session age").isEqualTo(createdAt);
      assertThat(inbox.awaitExactly(2)).extracting(Inbox.Msg::payload, Inbox.Msg::qos)
          .containsExactly(tuple("q1-a", 1), tuple("q1-b", 1));
      // the subscription itself survived too
      TestClients.publish(pub, topic, "live", 1);
      inbox.await(3);
      assertThat(inbox.payloads()).last().isEqualTo("live");
    } finally {
      second.disconnect();
      second.close();
    }
  }

  @Test
  void mqtt5SessionWithExpiryIsResumed() {
    String topic = unique("persist/v5");
    String clientId = unique("v5");
    Mqtt5BlockingClient first = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    assertThat(first.connectWith().cleanStart(true).sessionExpiryInterval(300).send().isSessionPresent()).isFalse();
    first.subscribeWith().topicFilter(topic).qos(TestClients.qos(1)).send();
    first.disconnect();
    awaitOffline(node, clientId);

    TestClients.publish(pub, topic, "while-away", 1);
    TestClients.publish(pub, topic, "q0-away", 0);

    Inbox inbox = new Inbox();
    Mqtt5BlockingClient second = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    second.toAsync().publishes(MqttGlobalPublishFilter.ALL, inbox::accept);
    try {
      Mqtt5ConnAck connack = second.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
      assertThat(connack.isSessionPresent()).isTrue();
      assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("while-away");
    } finally {
      second.disconnect();
    }
  }

  @Test
  void sessionEndsWhenItsExpiryIntervalPasses() {
    String topic = unique("persist/expiry");
    String clientId = unique("expiring");
    Mqtt5BlockingClient first = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    first.connectWith().cleanStart(true).sessionExpiryInterval(1).send();
    first.subscribeWith().topicFilter(topic).qos(TestClients.qos(1)).send();
    first.disconnect();
    awaitOffline(node, clientId);
    await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(node, clientId).isEmpty());
    await().atMost(Duration.ofSeconds(5)).until(() -> node.node.sessions().all().stream()
        .noneMatch(s -> s.key().clientId().equals(clientId)));

    Mqtt5BlockingClient second = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    try {
      assertThat(second.connectWith().cleanStart(false).sessionExpiryInterval(60).send().isSessionPresent()).isFalse();
    } finally {
      second.disconnect();
    }
  }

  @Test
  void disconnectWithSessionExpiryZeroEndsTheSession() {
    String clientId = unique("ending");
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    c.connectWith().cleanStart(true).sessionExpiryInterval(300).send();
    c.subscribeWith().topicFilter(unique("persist/ending")).qos(TestClients.qos(1)).send();
    // [MQTT-3.14.2-2 note] a client may shorten its session to nothing when it leaves
    c.disconnectWith().sessionExpiryInterval(0).send();
    await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(node, clientId).isEmpty());
  }

  @Test
  void cleanStartDiscardsTheOldSession() throws Exception {
    String topic = unique("persist/clean");
    String marker = unique("persist/marker");
    String clientId = unique("cleaner");
    MqttClient first = TestClients.paho3(node.mqttPort(), clientId, null);
    first.connect(persistent());
    first.subscribe(topic, 1);
    first.disconnect();
    first.close();
    awaitOffline(node, clientId);
    TestClients.publish(pub, topic, "queued", 1);

    Inbox inbox = new Inbox();
    MqttClient second = TestClients.paho3(node.mqttPort(), clientId, inbox);
    try {
      MqttConnectOptions clean = TestClients.paho3Options(MqttConnectOptions.MQTT_VERSION_3_1_1, true);
      assertThat(second.connectWithResult(clean).getSessionPresent()).isFalse();
      second.subscribe(marker, 1);
      TestClients.publish(pub, topic, "old subscription", 1);
      TestClients.publish(pub, marker, "marker", 1);
      // neither the queued message nor one for the old subscription arrives
      assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("marker");
      assertThat(TestClients.record(node, clientId).orElseThrow().subscriptions()).doesNotContainKey(topic);
    } finally {
      second.disconnect();
      second.close();
    }
  }

  @Test
  void offlineQueueKeepsAtMostMaxQueuedMessages() throws Exception {
    try (TestNode small = TestNode.start(TestNode.newClusterName(), "node-q", new MqttNodeOptions().setMaxQueuedMessages(5))) {
      String topic = unique("persist/bounded");
      String clientId = unique("bounded");
      MqttClient first = TestClients.paho3(small.mqttPort(), clientId, null);
      first.connect(persistent());
      first.subscribe(topic, 1);
      first.disconnect();
      first.close();
      awaitOffline(small, clientId);

      Mqtt5BlockingClient publisher = TestClients.v5(small.mqttPort(), unique("pub"));
      for (int i = 0; i < 10; i++) {
        TestClients.publish(publisher, topic, "m" + i, 1);
      }
      publisher.disconnect();

      Inbox inbox = new Inbox();
      MqttClient second = TestClients.paho3(small.mqttPort(), clientId, inbox);
      try {
        assertThat(second.connectWithResult(persistent()).getSessionPresent()).isTrue();
        assertThat(inbox.awaitExactly(5)).extracting(Inbox.Msg::payload).containsExactly("m0", "m1", "m2", "m3", "m4");
      } finally {
        second.disconnect();
        second.close();
      }
    }
  }
}
