package io.tenantmq.mqtt.command;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.tenantmq.control.command.NodeCommands;
import io.tenantmq.control.command.PublishCommand;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.mqtt.Inbox;
import io.tenantmq.mqtt.MqttNodeOptions;
import io.tenantmq.mqtt.TestClients;
import io.tenantmq.mqtt.TestNode;
import java.time.Duration;
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
}
