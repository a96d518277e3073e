package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.RawMqttClient.PUBACK;
import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.ClientState;
import io.tenantmq.control.registry.PacketCounter;
import io.tenantmq.control.registry.TrafficCounters;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cluster-wide record of each client, as the broker keeps it: fields, subscriptions, counters, life cycle. */
class ClientRegistryTest {

  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(TestNode.newClusterName(), "node-a", new MqttNodeOptions().setCounterFlushMillis(100));
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private static ClientRecord awaitRecord(String clientId, java.util.function.Predicate<ClientRecord> condition) {
    ClientRecord[] found = new ClientRecord[1];
    await().atMost(Duration.ofSeconds(5)).until(() -> {
      found[0] = TestClients.record(node, clientId).orElse(null);
      return found[0] != null && condition.test(found[0]);
    });
    return found[0];
  }

  @Test
  void recordDescribesTheConnection() throws Exception {
    String clientId = unique("fields");
    long before = System.currentTimeMillis();
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), clientId, true, 30, null)) {
      long after = System.currentTimeMillis();
      ClientRecord r = TestClients.record(node, clientId).orElseThrow();
      assertThat(r.instanceId()).isEqualTo(TestNode.INSTANCE_ID);
      assertThat(r.clientId()).isEqualTo(clientId);
      assertThat(r.node()).isEqualTo("node-a");
      assertThat(r.channelId()).matches("[0-9a-f]{32}");
      assertThat(r.address()).isEqualTo("127.0.0.1:" + client.localPort());
      assertThat(r.protocolVersion()).isEqualTo(4);
      assertThat(r.keepAliveSeconds()).isEqualTo(30);
      assertThat(r.cleanStart()).isTrue();
      assertThat(r.sessionExpirySeconds()).isZero();
      assertThat(r.username()).isNull();
      assertThat(r.state()).isEqualTo(ClientState.CONNECTED);
      assertThat(r.connectedAtMillis()).isBetween(before, after);
      assertThat(r.createdAtMillis()).isEqualTo(r.connectedAtMillis());
      assertThat(r.disconnectedAtMillis()).isZero();
      assertThat(r.subscriptions()).isEmpty();
    }
  }

  @Test
  void mqtt5RecordCarriesTheSessionExpiry() {
    String clientId = unique("fields5");
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(node.mqttPort())
        .buildBlocking();
    c.connectWith().cleanStart(false).sessionExpiryInterval(120).keepAlive(45).send();
    try {
      ClientRecord r = awaitRecord(clientId, x -> true);
      assertThat(r.protocolVersion()).isEqualTo(5);
      assertThat(r.cleanStart()).isFalse();
      assertThat(r.sessionExpirySeconds()).isEqualTo(120);
      assertThat(r.keepAliveSeconds()).isEqualTo(45);
    } finally {
      c.disconnect();
    }
  }

  @Test
  void subscriptionsFollowSubscribeAndUnsubscribe() {
    String clientId = unique("subs");
    String root = unique("reg");
    Mqtt5BlockingClient c = TestClients.v5(node.mqttPort(), clientId);
    try {
      c.subscribeWith().topicFilter(root + "/+").qos(TestClients.qos(1)).send();
      c.subscribeWith().topicFilter(root + "/x/#").qos(TestClients.qos(2)).send();
      awaitRecord(clientId, r -> r.subscriptions().equals(Map.of(root + "/+", 1, root + "/x/#", 2)));
      c.unsubscribeWith().topicFilter(root + "/+").send();
      awaitRecord(clientId, r -> r.subscriptions().equals(Map.of(root + "/x/#", 2)));
    } finally {
      c.disconnect();
    }
  }

  @Test
  void countersAreFlushedWhileConnected() throws Exception {
    String clientId = unique("counters");
    String topic = unique("reg/counted");
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), clientId, true)) {
      for (int i = 1; i <= 3; i++) {
        client.send(RawMqttClient.publishPacket(topic, "q1", 1, false, false, i));
        client.expect(PUBACK);
      }
      client.send(RawMqttClient.publishPacket(topic, "q0", 0, false, false, 0));
      ClientRecord r = awaitRecord(clientId, x -> x.counters().received(PacketCounter.PUBLISH_QOS0) == 1);
      TrafficCounters c = r.counters();
      assertThat(c.received(PacketCounter.PUBLISH_QOS1)).isEqualTo(3);
      assertThat(c.received(PacketCounter.CONNECT)).isEqualTo(1);
      assertThat(c.sent(PacketCounter.CONNACK)).isEqualTo(1);
      assertThat(c.sent(PacketCounter.PUBACK)).isEqualTo(3);
      assertThat(c.received(PacketCounter.PACKETS)).isEqualTo(5);
      assertThat(c.received(PacketCounter.BYTES)).isPositive();
      assertThat(r.state()).isEqualTo(ClientState.CONNECTED);
    }
  }

  @Test
  void deliveriesAreCountedOnTheSubscriber() throws Exception {
    String clientId = unique("receiver");
    String topic = unique("reg/delivered");
    Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("pub"));
    try (RawMqttClient sub = RawMqttClient.connect(node.mqttPort(), clientId, true)) {
      sub.subscribe(1, topic, 1);
      TestClients.publish(pub, topic, "one", 1);
      TestClients.publish(pub, topic, "two", 0);
      RawMqttClient.Packet first = sub.expect(RawMqttClient.PUBLISH);
      sub.send(RawMqttClient.ackPacket(PUBACK, first.packetId()));
      sub.expect(RawMqttClient.PUBLISH);
      ClientRecord r = awaitRecord(clientId, x -> x.counters().received(PacketCounter.PUBACK) == 1);
      assertThat(r.counters().sent(PacketCounter.PUBLISH_QOS1)).isEqualTo(1);
      assertThat(r.counters().sent(PacketCounter.PUBLISH_QOS0)).isEqualTo(1);
      assertThat(r.counters().received(PacketCounter.SUBSCRIBE)).isEqualTo(1);
      assertThat(r.counters().sent(PacketCounter.SUBACK)).isEqualTo(1);
    } finally {
      pub.disconnect();
    }
  }

  @Test
  void cleanSessionRecordIsRemovedOnDisconnect() throws Exception {
    String clientId = unique("clean");
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), clientId, true)) {
      assertThat(TestClients.record(node, clientId)).isPresent();
      client.send(RawMqttClient.disconnectPacket());
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(node, clientId).isEmpty());
  }

  @Test
  void persistentSessionRecordIsMarkedDisconnectedWithItsFinalCounters() throws Exception {
    String clientId = unique("persistent");
    String topic = unique("reg/persistent");
    long connectedAt;
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), clientId, false)) {
      connectedAt = TestClients.record(node, clientId).orElseThrow().connectedAtMillis();
      client.subscribe(1, topic, 1);
      client.send(RawMqttClient.publishPacket(topic + "/elsewhere", "x", 2, false, false, 5));
      client.expect(RawMqttClient.PUBREC);
      client.send(RawMqttClient.disconnectPacket());
      assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
    }
    ClientRecord r = awaitRecord(clientId, x -> x.state() == ClientState.DISCONNECTED);
    assertThat(r.disconnectedAtMillis()).isGreaterThanOrEqualTo(connectedAt);
    assertThat(r.subscriptions()).isEqualTo(Map.of(topic, 1));
    assertThat(r.counters().received(PacketCounter.DISCONNECT)).isEqualTo(1);
    assertThat(r.counters().received(PacketCounter.PUBLISH_QOS2)).isEqualTo(1);
    assertThat(r.counters().sent(PacketCounter.PUBREC)).isEqualTo(1);
    assertThat(r.sessionExpirySeconds()).isEqualTo(MqttNodeOptions.DEFAULT_MAX_SESSION_EXPIRY_SECONDS);
  }
}
