package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Session Expiry Interval set at CONNECT and changed on DISCONNECT [MQTT-3.14.2.2.2], with the HiveMQ client; the
 * change a client may not make [MQTT-3.14.2-2] with raw packets.
 */
class SessionExpiryTest extends SharedNodeTest {

  /** Connects {@code clientId} with a session that outlives the connection by {@code connectExpiry}, subscribed. */
  private static void offlineSession(String clientId, long connectExpiry, long disconnectExpiry) {
    var c = Mqtt5Clients.hivemq(node.mqttPort(), clientId, true, connectExpiry, null);
    c.subscribeWith().topicFilter(unique("expiry-session/t")).qos(MqttQos.AT_LEAST_ONCE).send();
    c.disconnectWith().sessionExpiryInterval(disconnectExpiry).send();
  }

  private static boolean resumes(String clientId) {
    Mqtt5Clients.Connected back = Mqtt5Clients.hivemqWithConnAck(node.mqttPort(), clientId, false, 0, null);
    back.client().disconnect();
    return back.connAck().isSessionPresent();
  }

  @Test
  void disconnectCanShortenTheSessionExpiry() {
    String clientId = unique("shortened");
    offlineSession(clientId, 300, 1);
    Awaitility.await().atMost(Duration.ofSeconds(6)).until(() -> TestClients.record(node, clientId).isEmpty());
    assertThat(resumes(clientId)).as("session present").isFalse();
  }

  @Test
  void disconnectWithZeroEndsTheSessionWithTheConnection() {
    String clientId = unique("ended");
    offlineSession(clientId, 300, 0);
    assertThat(resumes(clientId)).as("session present").isFalse();
  }

  @Test
  void disconnectCanExtendTheSessionExpiry() throws Exception {
    String clientId = unique("extended");
    offlineSession(clientId, 1, 300);
    Awaitility.await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> true);
    assertThat(TestClients.record(node, clientId)).isPresent();
    assertThat(resumes(clientId)).as("session present").isTrue();
  }

  @Test
  void aSessionExpiryOnDisconnectAfterZeroAtConnectIsAProtocolError() throws Exception {
    String clientId = unique("raw-expiry");
    try (RawMqttClient raw = RawMqttClient.connect5(node.mqttPort(), clientId, true, 0)) {
      raw.send(RawMqttClient.disconnect5Packet(0, 60));
      RawMqttClient.Packet disconnect = raw.expect(RawMqttClient.DISCONNECT);
      assertThat(disconnect.disconnectReason()).as("0x82 protocol error").isEqualTo(0x82);
      assertThat(raw.closedWithin(Duration.ofSeconds(5))).isTrue();
    }
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(node, clientId).isEmpty());
    assertThat(resumes(clientId)).as("no session was kept").isFalse();
  }
}
