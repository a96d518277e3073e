package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.RawMqttClient.DISCONNECT;
import static io.tenantmq.mqtt.RawMqttClient.PROP_SERVER_KEEP_ALIVE;
import static io.tenantmq.mqtt.RawMqttClient.properties;
import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import java.time.Duration;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server Keep Alive [MQTT-3.2.2-21, -22]: the node allows at most 3 s here. */
class ServerKeepAliveTest {

  private static final int MAX = LimitsNode.MAX_KEEP_ALIVE_SECONDS;
  private static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = LimitsNode.shared();
  }

  @Test
  void longerKeepAliveIsLoweredInConnackAndHiveMqKeepsTheConnectionAliveWithIt() throws Exception {
    String clientId = unique("ka-long");
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    Mqtt5ConnAck connack = c.connectWith().keepAlive(60).send();
    try {
      assertThat(connack.getServerKeepAlive()).hasValue(MAX);
      assertThat(TestClients.record(node, clientId).orElseThrow().keepAliveSeconds()).isEqualTo(MAX);
      // HiveMQ pings every 3 s as told: still connected well past 1.5 x 3 s
      await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).until(() -> c.getState().isConnected());
    } finally {
      c.disconnect();
    }
  }

  @Test
  void shorterKeepAliveStandsAndConnackHasNoServerKeepAlive() throws Exception {
    String clientId = unique("ka-short");
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    Mqtt5ConnAck connack = c.connectWith().keepAlive(2).send();
    try {
      assertThat(connack.getServerKeepAlive()).isEmpty();
      assertThat(TestClients.record(node, clientId).orElseThrow().keepAliveSeconds()).isEqualTo(2);
    } finally {
      c.disconnect();
    }
  }

  @Test
  void pahoAskingForNoKeepAliveIsToldTheMaximum() throws Exception {
    String clientId = unique("ka-paho");
    MqttClient c = new MqttClient("tcp://127.0.0.1:" + node.mqttPort(), clientId, new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setKeepAliveInterval(0);
    IMqttToken token = c.connectWithResult(options);
    try {
      assertThat(token.getResponseProperties().getServerKeepAlive()).isEqualTo(MAX);
      assertThat(TestClients.record(node, clientId).orElseThrow().keepAliveSeconds()).isEqualTo(MAX);
    } finally {
      c.disconnect();
      c.close();
    }
  }

  @Test
  void silentClientIsClosedAfterOneAndAHalfServerKeepAlivesWith0x8D() throws Exception {
    try (RawMqttClient raw = RawMqttClient.connect5(node.mqttPort(), unique("ka-silent"), 60, properties())) {
      assertThat(raw.connack().properties().get(PROP_SERVER_KEEP_ALIVE)).isEqualTo(MAX);
      long started = System.nanoTime();
      RawMqttClient.Packet disconnect = raw.read(Duration.ofSeconds(MAX * 3));
      long waitedMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(disconnect.type()).isEqualTo(DISCONNECT);
      assertThat(disconnect.disconnectReason()).isEqualTo(0x8D);
      assertThat(waitedMillis).isBetween(MAX * 1000L, MAX * 1500L + 1500);
    }
  }

  @Test
  void mqtt311ClientKeepsItsKeepAlive() throws Exception {
    String clientId = unique("ka-311");
    try (RawMqttClient raw = RawMqttClient.connect(node.mqttPort(), clientId, true, 60, null)) {
      assertThat(TestClients.record(node, clientId).orElseThrow().keepAliveSeconds()).isEqualTo(60);
      raw.assertSilentFor(Duration.ofMillis(MAX * 1500L + 500));
    }
  }
}
