package io.tenantmq.sdk.aliyun.it;

import static io.tenantmq.sdk.aliyun.it.AliyunProduct.assertApiError;
import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import io.tenantmq.control.token.AccessToken;
import io.tenantmq.control.token.TokenAction;
import io.tenantmq.sdk.aliyun.AliyunApiException;
import io.tenantmq.sdk.aliyun.AliyunMqttCredentials;
import io.tenantmq.sdk.aliyun.AliyunStyleClient;
import io.tenantmq.sdk.aliyun.TokenType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code AliyunStyleClient.tokenServer()} against the product: the token it applies for is stored with what was asked
 * and logs a device in, revoking ends it and the device's connection, and the server's refusals arrive as exceptions
 * with its status and code.
 */
class TokenServerTest {

  static final Duration SOON = Duration.ofSeconds(10);
  static AliyunProduct aliyun;

  @BeforeAll
  static void start() throws Exception {
    aliyun = AliyunProduct.start();
  }

  static Optional<AccessToken> stored(String token) throws Exception {
    return await(aliyun.product.control().tokens().find(token).toCompletableFuture());
  }

  @Test
  void appliedTokenIsStoredForTheInstanceWithItsActionsSortedResourcesAndExpiry() throws Exception {
    Instant expireAt = Instant.now().plus(Duration.ofHours(2));

    String token = await(aliyun.client.tokenServer().applyToken(aliyun.instanceId(), TokenType.RW,
        List.of("sdk/tok/b", "sdk/tok/a/#"), expireAt));

    AccessToken stored = stored(token).orElseThrow();
    assertThat(stored.instanceId()).isEqualTo(aliyun.instanceId());
    assertThat(stored.accessKeyId()).isEqualTo(aliyun.key.credential().credentialId());
    assertThat(stored.actions()).containsExactlyInAnyOrder(TokenAction.R, TokenAction.W);
    assertThat(stored.resources()).containsExactly("sdk/tok/a/#", "sdk/tok/b");
    assertThat(stored.expireAtMillis()).isEqualTo(expireAt.toEpochMilli());
  }

  @Test
  void revokedTokenStopsWorkingAndASecondRevokeFindsItUnknown() throws Exception {
    String token = await(aliyun.client.tokenServer().applyToken(aliyun.instanceId(), TokenType.W,
        List.of("sdk/tok/w"), Instant.now().plus(Duration.ofHours(1))));

    await(aliyun.client.tokenServer().revokeToken(token));

    assertThat(stored(token).filter(t -> t.activeAt(System.currentTimeMillis()))).isEmpty();
    AliyunApiException again = assertApiError(() -> await(aliyun.client.tokenServer().revokeToken(token)),
        400, "400");
    assertThat(again.getMessage()).contains("unknown");
  }

  @Test
  void deviceLogsInWithATokenFromTheTokenServerUntilItIsRevokedThere() throws Exception {
    String token = await(aliyun.client.tokenServer().applyToken(aliyun.instanceId(), TokenType.RW,
        List.of("sdk/tok/dev/#"), Instant.now().plus(Duration.ofHours(1))));
    String clientId = AliyunProduct.deviceId("tok");
    Mqtt3BlockingClient device = Mqtt3Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(aliyun.product.mqttPort()).buildBlocking();
    AliyunMqttCredentials login = AliyunMqttCredentials.token(aliyun.key.credential().credentialId(),
        aliyun.instanceId(), Map.of(TokenType.RW, token));
    device.connectWith().simpleAuth().username(login.username()).password(login.passwordBytes()).applySimpleAuth()
        .send();
    await().atMost(SOON).until(() ->
        await(aliyun.client.routeClientIdGet(aliyun.instanceId(), clientId)).online() == 1);

    await(aliyun.client.tokenServer().revokeToken(token));

    await().atMost(SOON).until(() -> !device.getState().isConnected());
    await().atMost(SOON).until(() ->
        await(aliyun.client.routeClientIdGet(aliyun.instanceId(), clientId)).online() == 0);
  }

  @Test
  void expiryLessThanAMinuteAheadIsABadRequestNamingExpireTime() {
    AliyunApiException e = assertApiError(() -> await(aliyun.client.tokenServer().applyToken(aliyun.instanceId(),
        TokenType.R, List.of("sdk/tok/r"), Instant.now().plusSeconds(10))), 400, "400");

    assertThat(e.getMessage()).contains("expireTime");
  }

  @Test
  void wrongSecretIsDenied() {
    AliyunStyleClient wrong = AliyunStyleClient.create(aliyun.options(aliyun.key)
        .setAccessKeySecret(aliyun.key.secret() + "x"));

    assertApiError(() -> await(wrong.tokenServer().applyToken(aliyun.instanceId(), TokenType.R, List.of("sdk/tok/r"),
        Instant.now().plus(Duration.ofHours(1)))), 403, "403");
  }

  @Test
  void anotherTenantsInstanceIsDeniedAsAWrongSignatureIs() {
    AliyunApiException e = assertApiError(() -> await(aliyun.client.tokenServer().applyToken(aliyun.otherInstance,
        TokenType.R, List.of("sdk/tok/r"), Instant.now().plus(Duration.ofHours(1)))), 403, "403");

    AliyunStyleClient wrong = AliyunStyleClient.create(aliyun.options(aliyun.key)
        .setAccessKeySecret(aliyun.key.secret() + "x"));
    assertThat(e.getMessage()).isEqualTo(AliyunProduct.apiError(() -> await(wrong.tokenServer().applyToken(
        aliyun.instanceId(), TokenType.R, List.of("sdk/tok/r"), Instant.now().plus(Duration.ofHours(1)))))
        .getMessage());
  }
}
