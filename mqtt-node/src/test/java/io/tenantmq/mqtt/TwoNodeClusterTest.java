package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of test classes that need two members of one cluster in this JVM, started once per class, and an MQTT 5
 * publisher connected to the first. Tests may add members of {@link #clusterName}; they stop their own.
 */
abstract class TwoNodeClusterTest {

  static String clusterName;
  static TestNode a;
  static TestNode b;
  static Mqtt5BlockingClient pubA;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    clusterName = TestNode.newClusterName();
    a = TestNode.start(clusterName, "node-a", new MqttNodeOptions());
    b = TestNode.start(clusterName, "node-b", new MqttNodeOptions());
    await().atMost(Duration.ofSeconds(20)).until(() -> a.nodes.liveNodes().size() == 2 && b.nodes.liveNodes().size() == 2);
    pubA = TestClients.v5(a.mqttPort(), unique("pub-a"));
  }

  @AfterAll
  static void stopTwoNodes() throws Exception {
    if (pubA != null) {
      pubA.disconnect();
    }
    b.close();
    a.close();
  }
}
