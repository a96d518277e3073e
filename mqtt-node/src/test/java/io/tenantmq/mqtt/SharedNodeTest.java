package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of test classes that use the shared node and one MQTT 5 publisher connected to it. */
abstract class SharedNodeTest {

  static TestNode node;
  static Mqtt5BlockingClient pub;

  @BeforeAll
  static void startSharedNode() throws Exception {
    node = TestNode.shared();
    pub = TestClients.v5(node.mqttPort(), unique("pub"));
  }

  @AfterAll
  static void disconnectPublisher() {
    pub.disconnect();
  }
}
