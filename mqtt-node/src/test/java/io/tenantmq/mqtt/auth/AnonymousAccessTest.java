package io.tenantmq.mqtt.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import io.tenantmq.mqtt.TestNode;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

/** The demo-style instance lets anonymous clients in from loopback only; credentials of no user are refused. */
class AnonymousAccessTest {

  @Test
  void credentialsOfNoUserAreRefusedAsBadUsernameOrPassword() throws Exception {
    int port = TestNode.shared().mqttPort();
    var v3 = catchThrowableOfType(Mqtt3ConnAckException.class, () -> Mqtt3Client.builder().identifier("cred-v3")
        .serverHost("127.0.0.1").serverPort(port).buildBlocking()
        .connectWith().simpleAuth().username("someone").password("secret".getBytes()).applySimpleAuth().send());
    assertThat(v3.getMqttMessage().getReturnCode()).isEqualTo(Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD);
    var v5 = catchThrowableOfType(Mqtt5ConnAckException.class, () -> Mqtt5Client.builder().identifier("cred-v5")
        .serverHost("127.0.0.1").serverPort(port).buildBlocking()
        .connectWith().simpleAuth().username("someone").password("secret".getBytes()).applySimpleAuth().send());
    assertThat(v5.getMqttMessage().getReasonCode().getCode()).isEqualTo(0x86);
  }

  /** Tests send traffic only to loopback, so the non-loopback side of the rule is checked on the decision itself. */
  @Test
  void onlyLoopbackAddressesCountAsLoopback() {
    assertThat(ConnectAuthenticator.isLoopback(SocketAddress.inetSocketAddress(50000, "127.0.0.1"))).isTrue();
    assertThat(ConnectAuthenticator.isLoopback(SocketAddress.inetSocketAddress(50000, "127.3.4.5"))).isTrue();
    assertThat(ConnectAuthenticator.isLoopback(SocketAddress.inetSocketAddress(50000, "::1"))).isTrue();
    assertThat(ConnectAuthenticator.isLoopback(SocketAddress.inetSocketAddress(50000, "192.0.2.10"))).isFalse();
    assertThat(ConnectAuthenticator.isLoopback(SocketAddress.inetSocketAddress(50000, "10.1.2.3"))).isFalse();
    assertThat(ConnectAuthenticator.isLoopback(SocketAddress.inetSocketAddress(50000, "2001:db8::1"))).isFalse();
    assertThat(ConnectAuthenticator.isLoopback(null)).isFalse();
  }
}
