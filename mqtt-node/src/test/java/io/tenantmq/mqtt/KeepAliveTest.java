package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keep alive: a silent client is closed after one and a half keep-alive periods, a pinging one is not. */
class KeepAliveTest extends SharedNodeTest {


  @Test
  void silentClientIsClosedAfterOneAndAHalfKeepAlivePeriods() throws Exception {
    String clientId = unique("silent");
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), clientId, true, 1, null)) {
      long connectedAt = System.nanoTime();
      assertThat(client.closedWithin(Duration.ofSeconds(3))).as("closed within 3 s").isTrue();
      long elapsedMillis = (System.nanoTime() - connectedAt) / 1_000_000;
      // [MQTT-3.1.2-24] not before 1.5 x keep alive
      assertThat(elapsedMillis).isGreaterThanOrEqualTo(1400);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> TestClients.record(node, clientId).isEmpty());
  }

  @Test
  void pingingClientStaysConnected() throws Exception {
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), unique("pinging"), true, 1, null)) {
      // 3 s in all: longer than the 1.5 s a silent client gets
      for (int i = 0; i < 5; i++) {
        client.send(RawMqttClient.pingreqPacket());
        client.expect(RawMqttClient.PINGRESP);
        assertThat(client.closedWithin(Duration.ofMillis(600))).as("closed after ping %d", i).isFalse();
      }
    }
  }
}
