package io.tenantmq.sdk.aliyun.it;

import static io.tenantmq.sdk.aliyun.it.AliyunProduct.deviceId;
import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.tenantmq.sdk.aliyun.AliyunMqttCredentials;
import io.tenantmq.sdk.aliyun.TokenType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Devices logging in with the SDK's {@code AliyunMqttCredentials}: in Signature mode with an AccessKey, and in Token
 * mode with tokens the SDK applied for through the OpenAPI; they work on their tokens' topics, and a token revoked
 * through the SDK ends their connection.
 */
class DeviceLoginTest {

  static final Duration SOON = Duration.ofSeconds(10);
  static AliyunProduct aliyun;

  @BeforeAll
  static void start() throws Exception {
    aliyun = AliyunProduct.start();
  }

  static String topics() {
    return "sdk/tok/" + UUID.randomUUID().toString().substring(0, 8);
  }

  static Instant inAnHour() {
    return Instant.now().plus(Duration.ofHours(1));
  }

  static Mqtt5BlockingClient device(String clientId, AliyunMqttCredentials login) {
    Mqtt5BlockingClient device = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(aliyun.product.mqttPort()).buildBlocking();
    device.connectWith().simpleAuth().username(login.username()).password(login.passwordBytes()).applySimpleAuth()
        .send();
    return device;
  }

  static boolean online(String clientId) throws Exception {
    return await(aliyun.client.onsMqtt().querySessionByClientId(aliyun.instanceId(), clientId)).onlineStatus();
  }

  @Test
  void signatureModeDeviceLogsInAndIsSeenOnline() throws Exception {
    String clientId = deviceId("sig");
    AliyunMqttCredentials login = AliyunMqttCredentials.signature(aliyun.key.credential().credentialId(),
        aliyun.key.secret(), aliyun.instanceId(), clientId);

    Mqtt5BlockingClient device = device(clientId, login);
    try {
      await().atMost(SOON).until(() -> online(clientId));
    } finally {
      device.disconnect();
    }
  }

  @Test
  void signatureModeWithAnotherSecretOrAnotherClientIdsPasswordIsRefused() {
    String clientId = deviceId("sig");
    AliyunMqttCredentials wrongSecret = AliyunMqttCredentials.signature(aliyun.key.credential().credentialId(),
        aliyun.key.secret() + "x", aliyun.instanceId(), clientId);
    AliyunMqttCredentials otherClient = AliyunMqttCredentials.signature(aliyun.key.credential().credentialId(),
        aliyun.key.secret(), aliyun.instanceId(), deviceId("sig"));

    for (AliyunMqttCredentials login : List.of(wrongSecret, otherClient)) {
      assertThatThrownBy(() -> device(clientId, login))
          .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
              .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
    }
  }

  @Test
  void deviceWithReadAndWriteTokensReceivesWhatItPublishesOnItsTopics() throws Exception {
    String base = topics();
    String read = await(aliyun.client.onsMqtt().applyToken(aliyun.instanceId(), TokenType.R,
        List.of(base + "/#"), inAnHour())).token();
    String write = await(aliyun.client.onsMqtt().applyToken(aliyun.instanceId(), TokenType.W,
        List.of(base + "/up"), inAnHour())).token();
    AliyunMqttCredentials login = AliyunMqttCredentials.token(aliyun.key.credential().credentialId(),
        aliyun.instanceId(), read, write);

    Mqtt5BlockingClient device = device(deviceId("tok"), login);
    try (Mqtt5BlockingClient.Mqtt5Publishes received = device.publishes(MqttGlobalPublishFilter.ALL)) {
      device.subscribeWith().topicFilter(base + "/#").qos(MqttQos.AT_LEAST_ONCE).send();
      device.publishWith().topic(base + "/up").qos(MqttQos.AT_LEAST_ONCE)
          .payload("21.5".getBytes(StandardCharsets.UTF_8)).send();

      Optional<Mqtt5Publish> message = received.receive(10, TimeUnit.SECONDS);
      assertThat(message).isPresent();
      assertThat(message.get().getTopic().toString()).isEqualTo(base + "/up");
      assertThat(new String(message.get().getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("21.5");
    } finally {
      device.disconnect();
    }
  }

  @Test
  void tokenRevokedThroughTheOpenApiEndsTheDevicesConnectionAndItsNextLogin() throws Exception {
    String token = await(aliyun.client.onsMqtt().applyToken(aliyun.instanceId(), TokenType.RW,
        List.of(topics() + "/#"), inAnHour())).token();
    AliyunMqttCredentials login = AliyunMqttCredentials.token(aliyun.key.credential().credentialId(),
        aliyun.instanceId(), Map.of(TokenType.RW, token));
    String clientId = deviceId("tok");
    Mqtt5BlockingClient device = device(clientId, login);
    await().atMost(SOON).until(() -> online(clientId));

    await(aliyun.client.onsMqtt().revokeToken(aliyun.instanceId(), token));

    await().atMost(SOON).until(() -> !device.getState().isConnected());
    assertThatThrownBy(() -> device(clientId, login))
        .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
            .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
  }
}
