package io.tenantmq.mqtt.command;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.tenantmq.control.command.NodeCommands;
import io.tenantmq.control.command.NodeReport;
import io.tenantmq.control.command.PublishCommand;
import io.tenantmq.control.command.QueuedMessage;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.mqtt.Inbox;
import io.tenantmq.mqtt.MqttNodeOptions;
import io.tenantmq.mqtt.RawMqttClient;
import io.tenantmq.mqtt.TestClients;
import io.tenantmq.mqtt.TestNode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A command issued on one member reaches the client connected to the other. */
class NodeCommandsClusterTest {

  static TestNode a;
  static TestNode b;
  /** The commands of member a; every client here connects to b. */
  static NodeCommands fromA;

  @BeforeAll
  static void start() throws Exception {
    String cluster = TestNode.newClusterName();
    a = TestNode.start(cluster, "node-a", new MqttNodeOptions());
    b = TestNode.start(cluster, "node-b", new MqttNodeOptions());
    await().atMost(Duration.ofSeconds(20)).until(() -> a.nodes.liveNodes().size() == 2 && b.nodes.liveNodes().size() == 2);
    fromA = a.control.commands();
  }

  @AfterAll
  static void stop() throws Exception {
    b.close();
    a.close();
  }

  static ClientKey key(String clientId) {
    return new ClientKey(TestNode.INSTANCE_ID, clientId);
  }

  @Test
  void subscribeAndPublishThroughTheOtherMemberReachTheClient() throws Exception {
    String clientId = unique("remote-sub");
    String topic = unique("remote/t");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient c = NodeCommandHandlerTest.watched(b.mqttPort(), clientId, inbox, new AtomicReference<>());
    try {
      assertThat(NodeCommandHandlerTest.result(fromA.subscribe(key(clientId), topic, 1))).isTrue();
      TestClients.awaitRoute(a, topic, "node-b");

      int matched = NodeCommandHandlerTest.result(fromA.publish(new PublishCommand(TestNode.INSTANCE_ID, topic,
          TestClients.utf8("via a"), 1, false, null)));
      assertThat(matched).isEqualTo(1); // one remote node
      Inbox.Msg m = inbox.awaitOne();
      assertThat(m.payload()).isEqualTo("via a");
      assertThat(m.qos()).isEqualTo(1);

      assertThat(NodeCommandHandlerTest.result(fromA.unsubscribe(key(clientId), topic))).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> !a.node.routes().hasRoute(TestNode.INSTANCE_ID, topic, "node-b"));
    } finally {
      c.disconnect();
    }
  }

  @Test
  void kickThroughTheOtherMemberDisconnectsTheClientWith0x98() throws Exception {
    String clientId = unique("remote-kick");
    AtomicReference<MqttClientDisconnectedContext> disconnected = new AtomicReference<>();
    NodeCommandHandlerTest.watched(b.mqttPort(), clientId, new Inbox(), disconnected);

    assertThat(NodeCommandHandlerTest.result(fromA.kick(key(clientId)))).isTrue();

    NodeCommandHandlerTest.assertKicked(disconnected);
    await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(a, clientId).isEmpty());
  }

  @Test
  void keepAliveSetThroughTheOtherMemberClosesTheSilentClientThere() throws Exception {
    String clientId = unique("remote-ka");
    try (RawMqttClient client = RawMqttClient.connect(b.mqttPort(), clientId, true, 60, null)) {
      assertThat(NodeCommandHandlerTest.result(fromA.setKeepAlive(key(clientId), 1))).isTrue();
      assertThat(client.closedWithin(Duration.ofSeconds(4))).isTrue();
    }
  }

  @Test
  void messagesOfAnOfflineSessionOnTheOtherMemberAreReadThroughThisOne() throws Exception {
    String clientId = unique("remote-mq");
    String topic = unique("remote/mq");
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(b.mqttPort())
        .buildBlocking();
    c.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
    c.subscribeWith().topicFilter(topic).qos(TestClients.qos(2)).send();
    c.disconnect();
    try {
      await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(a, clientId)
          .map(r -> !r.connected()).orElse(false));
      TestClients.awaitRoute(a, topic, "node-b");
      NodeCommandHandlerTest.result(fromA.publish(new PublishCommand(TestNode.INSTANCE_ID, topic,
          TestClients.utf8("kept"), 2, false, null)));
      await().atMost(Duration.ofSeconds(5)).until(() -> NodeCommandHandlerTest.result(
          fromA.messages(key(clientId), false, 5)).map(List::size).orElse(0) == 1);
      QueuedMessage m = NodeCommandHandlerTest.result(fromA.messages(key(clientId), false, 5)).orElseThrow().get(0);
      assertThat(new String(m.payload(), StandardCharsets.UTF_8)).isEqualTo("kept");
      assertThat(m.qos()).isEqualTo(2);
    } finally {
      c.connectWith().cleanStart(true).send();
      c.disconnect();
    }
  }

  @Test
  void reportsComeFromEveryMemberEachWithItsOwnConnections() throws Exception {
    String clientId = unique("report-b");
    Mqtt5BlockingClient c = TestClients.v5(b.mqttPort(), clientId);
    try {
      List<NodeReport> reports = NodeCommandHandlerTest.result(fromA.reports(TestNode.INSTANCE_ID));
      assertThat(reports).extracting(NodeReport::node).containsExactly("node-a", "node-b");
      NodeReport onB = reports.get(1);
      assertThat(onB.stats().get("live_connections.count")).isGreaterThanOrEqualTo(1L);
      assertThat(onB.metrics().get("client.connected")).isGreaterThanOrEqualTo(1L);
      assertThat(reports.get(0).startedAtMillis()).isPositive();
    } finally {
      c.disconnect();
    }
  }
}
