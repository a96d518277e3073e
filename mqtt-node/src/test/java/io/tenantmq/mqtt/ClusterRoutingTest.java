package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.tenantmq.control.registry.ClientQuery;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.ClientState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;

/** Two nodes of one cluster in this JVM: routing, takeover, session moves and share groups across nodes, and a crash. */
class ClusterRoutingTest extends TwoNodeClusterTest {

  private static List<ClientRecord> listed(TestNode on, String clientId) throws Exception {
    return on.registry.list(TestNode.INSTANCE_ID, ClientQuery.all()).toCompletableFuture().get(10, TimeUnit.SECONDS)
        .stream().filter(r -> r.clientId().equals(clientId)).toList();
  }

  @Test
  void publishOnOneNodeReachesSubscribersOnTheOther() {
    String root = unique("cluster/route");
    Inbox exact = new Inbox();
    Inbox wild = new Inbox();
    Mqtt5BlockingClient subExact = TestClients.v5Subscriber(b.mqttPort(), unique("sub-b"), root + "/x", 2, exact);
    Mqtt5BlockingClient subWild = TestClients.v5Subscriber(b.mqttPort(), unique("wild-b"), root + "/+", 1, wild);
    try {
      TestClients.awaitRoute(a, root + "/x", "node-b");
      TestClients.awaitRoute(a, root + "/+", "node-b");
      TestClients.publish(pubA, root + "/x", "q2", 2);
      TestClients.publish(pubA, root + "/y", "q1", 1);

      assertThat(exact.awaitExactly(1)).extracting(Inbox.Msg::payload, Inbox.Msg::qos)
          .containsExactly(tuple("q2", 2));
      // two matching publishes, each once, the QoS 2 one downgraded to the subscription's QoS 1
      assertThat(wild.awaitExactly(2)).extracting(Inbox.Msg::payload, Inbox.Msg::qos)
          .containsExactly(tuple("q2", 1), tuple("q1", 1));
    } finally {
      subExact.disconnect();
      subWild.disconnect();
    }
  }

  @Test
  void overlappingSubscriptionsOnTheRemoteNodeDeliverOnce() throws Exception {
    String root = unique("cluster/overlap");
    try (RawMqttClient sub = RawMqttClient.connect(b.mqttPort(), unique("overlap-b"), true)) {
      sub.subscribe(1, root + "/#", 0);
      sub.subscribe(2, root + "/b", 2);
      TestClients.awaitRoute(a, root + "/#", "node-b");
      TestClients.awaitRoute(a, root + "/b", "node-b");
      TestClients.publish(pubA, root + "/b", "once", 2);
      RawMqttClient.Packet got = sub.expect(RawMqttClient.PUBLISH);
      assertThat(got.qos()).isEqualTo(2);
      sub.send(RawMqttClient.ackPacket(RawMqttClient.PUBREC, got.packetId()));
      sub.expect(RawMqttClient.PUBREL);
      sub.send(RawMqttClient.ackPacket(RawMqttClient.PUBCOMP, got.packetId()));
      TestClients.publish(pubA, root + "/z", "marker", 0);
      assertThat(sub.expect(RawMqttClient.PUBLISH).payload()).isEqualTo("marker");
    }
  }

  @Test
  void routeIsWithdrawnWhenTheLastSubscriberLeaves() {
    String topic = unique("cluster/withdraw");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(b.mqttPort(), unique("sub-b"), topic, 1, inbox);
    TestClients.awaitRoute(a, topic, "node-b");
    sub.disconnect();
    await().atMost(Duration.ofSeconds(10)).until(() -> !a.node.routes().hasRoute(TestNode.INSTANCE_ID, topic, "node-b"));
  }

  @Test
  void takeoverAcrossNodesClosesTheFirstConnection() throws Exception {
    String clientId = unique("roamer");
    AtomicReference<MqttClientDisconnectedContext> firstGone = new AtomicReference<>();
    Mqtt5BlockingClient first = TakeoverTest.watched(a.mqttPort(), clientId, firstGone);
    String firstChannel = TestClients.record(a, clientId).orElseThrow().channelId();

    AtomicReference<MqttClientDisconnectedContext> secondGone = new AtomicReference<>();
    Mqtt5BlockingClient second = TakeoverTest.watched(b.mqttPort(), clientId, secondGone);
    try {
      TakeoverTest.assertTakenOver(firstGone);
      String channel = TakeoverTest.awaitNewChannel(b, clientId, firstChannel);
      TakeoverTest.assertOneConnectedRecord(a, clientId, channel, "node-b");
      TakeoverTest.assertOneConnectedRecord(b, clientId, channel, "node-b");
      assertThat(a.node.sessions().all()).noneMatch(s -> s.key().clientId().equals(clientId));
      assertThat(secondGone.get()).isNull();
    } finally {
      second.disconnect();
    }
  }

  @Test
  void persistentSessionMovesToAnotherNodeWithItsQueuedMessages() throws Exception {
    String clientId = unique("mover");
    String topic = unique("cluster/move");
    MqttConnectOptions persistent = TestClients.paho3Options(MqttConnectOptions.MQTT_VERSION_3_1_1, false);
    MqttClient onA = TestClients.paho3(a.mqttPort(), clientId, null);
    onA.connect(persistent);
    onA.subscribe(topic, 1);
    onA.disconnect();
    onA.close();
    PersistentSessionTest.awaitOffline(a, clientId);
    for (int i = 0; i < 3; i++) {
      TestClients.publish(pubA, topic, "queued-" + i, 1);
    }

    long createdAt = TestClients.record(a, clientId).orElseThrow().createdAtMillis();

    Inbox inbox = new Inbox();
    MqttClient onB = TestClients.paho3(b.mqttPort(), clientId, inbox);
    try {
      assertThat(onB.connectWithResult(persistent).getSessionPresent()).isTrue();
      // the session, not the connection, was created then
      await().atMost(Duration.ofSeconds(5))
          .until(() -> TestClients.record(b, clientId).orElseThrow().createdAtMillis() == createdAt);
      assertThat(inbox.awaitExactly(3)).extracting(Inbox.Msg::payload)
          .containsExactly("queued-0", "queued-1", "queued-2");
      ClientRecord record = TestClients.record(b, clientId).orElseThrow();
      assertThat(record.node()).isEqualTo("node-b");
      assertThat(record.state()).isEqualTo(ClientState.CONNECTED);

      // the subscription moved along: node A now routes the topic to node B
      TestClients.awaitRoute(a, topic, "node-b");
      TestClients.publish(pubA, topic, "live", 1);
      inbox.await(4);
      assertThat(inbox.payloads()).last().isEqualTo("live");
      inbox.assertStaysAt(4);
    } finally {
      onB.disconnect();
      onB.close();
    }
  }

  @Test
  void shareGroupWithMembersOnBothNodesGetsEachMessageOnce() {
    String topic = unique("cluster/share");
    String filter = "$share/" + unique("g") + "/" + topic;
    Inbox onA = new Inbox();
    Inbox onB = new Inbox();
    Mqtt5BlockingClient memberA = TestClients.v5Subscriber(a.mqttPort(), unique("member-a"), filter, 1, onA);
    Mqtt5BlockingClient memberB = TestClients.v5Subscriber(b.mqttPort(), unique("member-b"), filter, 1, onB);
    Mqtt5BlockingClient pubB = TestClients.v5(b.mqttPort(), unique("pub-b"));
    try {
      TestClients.awaitRoute(a, filter, "node-b");
      TestClients.awaitRoute(b, filter, "node-a");
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        sent.add("m" + i);
        TestClients.publish(i % 2 == 0 ? pubA : pubB, topic, "m" + i, 1);
      }
      SharedSubscriptionTest.assertSplitExactlyOnce(sent, onA, onB);
    } finally {
      pubB.disconnect();
      memberA.disconnect();
      memberB.disconnect();
    }
  }

  @Test
  void crashedNodeLeavesNoConnectedRecordOrRouteBehind() throws Exception {
    // the newest member crashes, so node-a (the oldest) does the clean-up
    TestNode c = TestNode.start(clusterName, "node-c", new MqttNodeOptions());
    String cleanId = unique("on-c-clean");
    String persistentId = unique("on-c-persistent");
    String topic = unique("cluster/crash");
    RawMqttClient clean = RawMqttClient.connect(c.mqttPort(), cleanId, true);
    RawMqttClient persistent = RawMqttClient.connect(c.mqttPort(), persistentId, false);
    try {
      persistent.subscribe(1, topic, 1);
      TestClients.awaitRoute(a, topic, "node-c");
      assertThat(TestClients.record(a, cleanId).orElseThrow().node()).isEqualTo("node-c");

      c.crash();

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(a.registry.list(TestNode.INSTANCE_ID, ClientQuery.connected()).toCompletableFuture()
            .get(10, TimeUnit.SECONDS)).noneMatch(r -> r.node().equals("node-c"));
        assertThat(a.node.routes().hasRoute(TestNode.INSTANCE_ID, topic, "node-c")).isFalse();
      });
      assertThat(listed(a, cleanId)).noneMatch(ClientRecord::connected);
      assertThat(listed(a, persistentId)).noneMatch(ClientRecord::connected);
    } finally {
      clean.close();
      persistent.close();
    }
  }

  @Test
  void cleanStopSendsWillsAndDisconnect0x8BAndLeavesNoRecord() throws Exception {
    TestNode d = TestNode.start(clusterName, "node-d", new MqttNodeOptions());
    String willTopic = unique("cluster/stop-will");
    String clientId = unique("on-d");
    Inbox wills = new Inbox();
    Mqtt5BlockingClient watcher = TestClients.v5Subscriber(a.mqttPort(), unique("will-watch"), willTopic, 1, wills);
    AtomicReference<MqttClientDisconnectedContext> disconnected = new AtomicReference<>();
    Mqtt5BlockingClient onD = com.hivemq.client.mqtt.mqtt5.Mqtt5Client.builder().identifier(clientId)
        .serverHost("127.0.0.1").serverPort(d.mqttPort()).addDisconnectedListener(disconnected::set).buildBlocking();
    try {
      onD.connectWith().willPublish().topic(willTopic).payload(TestClients.utf8("d stopped")).qos(
          com.hivemq.client.mqtt.datatypes.MqttQos.AT_LEAST_ONCE).applyWillPublish().send();
      TestClients.awaitRoute(d, willTopic, "node-a");

      d.close(); // what SIGTERM runs

      assertThat(wills.awaitExactly(1).get(0).payload()).isEqualTo("d stopped");
      await().atMost(Duration.ofSeconds(5)).until(() -> disconnected.get() != null);
      var cause = (com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException) disconnected.get().getCause();
      assertThat(cause.getMqttMessage().getReasonCode().getCode()).isEqualTo(0x8B);
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listed(a, clientId)).isEmpty());
    } finally {
      watcher.disconnect();
    }
  }
}
