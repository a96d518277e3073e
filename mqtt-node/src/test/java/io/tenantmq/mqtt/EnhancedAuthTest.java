package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.RawMqttClient.CONNACK;
import static io.tenantmq.mqtt.RawMqttClient.DISCONNECT;
import static io.tenantmq.mqtt.RawMqttClient.PROP_AUTHENTICATION_METHOD;
import static io.tenantmq.mqtt.RawMqttClient.properties;
import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientConfig;
import com.hivemq.client.mqtt.mqtt5.auth.Mqtt5EnhancedAuthMechanism;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5Auth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5AuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5EnhancedAuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5Disconnect;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** No authentication method is configured: enhanced authentication is refused with 0x8C [MQTT-4.12]. */
class EnhancedAuthTest {

  private static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = LimitsNode.shared();
  }

  @Test
  void hivemqConnectWithAnAuthenticationMethodGetsConnack0x8C() {
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(unique("scram")).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    assertThatThrownBy(() -> c.connectWith().enhancedAuth(new Scram()).send())
        .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e ->
            assertThat(e.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.BAD_AUTHENTICATION_METHOD));
  }

  @Test
  void rawConnectWithAnAuthenticationMethodGetsConnack0x8CAndIsClosed() throws Exception {
    try (RawMqttClient c = RawMqttClient.open(node.mqttPort())) {
      c.send(RawMqttClient.connect5Packet(unique("raw-scram"), 60,
          properties().string(PROP_AUTHENTICATION_METHOD, "SCRAM-SHA-256")));
      assertThat(c.expect(CONNACK).returnCode()).isEqualTo(0x8C);
      assertThat(c.closedWithin(Duration.ofSeconds(3))).isTrue();
    }
  }

  @Test
  void authPacketAfterConnectGetsDisconnect0x8C() throws Exception {
    try (RawMqttClient c = RawMqttClient.connect5(node.mqttPort(), unique("reauth"), 0, properties())) {
      c.send(RawMqttClient.auth5Packet(0x19)); // re-authenticate
      RawMqttClient.Packet disconnect = c.expect(DISCONNECT);
      assertThat(disconnect.disconnectReason()).isEqualTo(0x8C);
      assertThat(c.closedWithin(Duration.ofSeconds(3))).isTrue();
    }
  }

  /** A mechanism whose only job is to name a method in CONNECT. */
  private static final class Scram implements Mqtt5EnhancedAuthMechanism {
    @Override
    public MqttUtf8String getMethod() {
      return MqttUtf8String.of("SCRAM-SHA-256");
    }

    @Override
    public int getTimeout() {
      return 10;
    }

    @Override
    public CompletableFuture<Void> onAuth(Mqtt5ClientConfig config, Mqtt5Connect connect, Mqtt5EnhancedAuthBuilder auth) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> onReAuth(Mqtt5ClientConfig config, Mqtt5AuthBuilder auth) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Boolean> onServerReAuth(Mqtt5ClientConfig config, Mqtt5Auth auth, Mqtt5AuthBuilder authBuilder) {
      return CompletableFuture.completedFuture(false);
    }

    @Override
    public CompletableFuture<Boolean> onContinue(Mqtt5ClientConfig config, Mqtt5Auth auth, Mqtt5AuthBuilder authBuilder) {
      return CompletableFuture.completedFuture(false);
    }

    @Override
    public CompletableFuture<Boolean> onAuthSuccess(Mqtt5ClientConfig config, Mqtt5ConnAck connAck) {
      return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletableFuture<Boolean> onReAuthSuccess(Mqtt5ClientConfig config, Mqtt5Auth auth) {
      return CompletableFuture.completedFuture(true);
    }

    @Override
    public void onAuthRejected(Mqtt5ClientConfig config, Mqtt5ConnAck connAck) {
    }

    @Override
    public void onReAuthRejected(Mqtt5ClientConfig config, Mqtt5Disconnect disconnect) {
    }

    @Override
    public void onAuthError(Mqtt5ClientConfig config, Throwable cause) {
    }

    @Override
    public void onReAuthError(Mqtt5ClientConfig config, Throwable cause) {
    }
  }
}
