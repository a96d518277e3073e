package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.RawMqttClient.PROP_ASSIGNED_CLIENT_IDENTIFIER;
import static io.tenantmq.mqtt.RawMqttClient.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttClientIdentifier;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An MQTT 5 client with an empty client id is given one in CONNACK [MQTT-3.2.2-16] and is known by it. */
class AssignedClientIdTest {

  private static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = LimitsNode.shared();
  }

  @Test
  void hivemqWithoutIdentifierIsAssignedOneAndRegisteredUnderIt() throws Exception {
    Mqtt5BlockingClient c = Mqtt5Client.builder().serverHost("127.0.0.1").serverPort(node.mqttPort()).buildBlocking();
    Mqtt5ConnAck connack = c.connect();
    try {
      String assigned = connack.getAssignedClientIdentifier().map(MqttClientIdentifier::toString).orElseThrow();
      assertThat(assigned).startsWith("tenantmq-");
      assertThat(c.getConfig().getClientIdentifier().map(Object::toString)).hasValue(assigned);
      assertThat(TestClients.record(node, assigned)).isPresent();
    } finally {
      c.disconnect();
    }
  }

  @Test
  void pahoWithEmptyIdentifierIsAssignedOne() throws Exception {
    MqttClient c = new MqttClient("tcp://127.0.0.1:" + node.mqttPort(), "", new MemoryPersistence());
    IMqttToken token = c.connectWithResult(new MqttConnectionOptions());
    try {
      String assigned = token.getResponseProperties().getAssignedClientIdentifier();
      assertThat(assigned).startsWith("tenantmq-");
      assertThat(TestClients.record(node, assigned)).isPresent();
    } finally {
      c.disconnect();
      c.close();
    }
  }

  @Test
  void clientWithAnIdentifierIsAssignedNone() throws Exception {
    try (RawMqttClient c = RawMqttClient.connect5(node.mqttPort(), TestClients.unique("named"), 0, properties())) {
      assertThat(c.connack().properties()).doesNotContainKey(PROP_ASSIGNED_CLIENT_IDENTIFIER);
    }
  }
}
