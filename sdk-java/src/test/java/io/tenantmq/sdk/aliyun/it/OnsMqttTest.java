package io.tenantmq.sdk.aliyun.it;

import static io.tenantmq.sdk.aliyun.it.AliyunProduct.assertApiError;
import static io.tenantmq.sdk.aliyun.it.AliyunProduct.deviceId;
import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.sdk.aliyun.AliyunStyleClient;
import io.tenantmq.sdk.aliyun.OnsMqttModels.ApplyTokenResponse;
import io.tenantmq.sdk.aliyun.OnsMqttModels.BatchQuerySessionByClientIdsResponse;
import io.tenantmq.sdk.aliyun.OnsMqttModels.OnlineStatus;
import io.tenantmq.sdk.aliyun.OnsMqttModels.QueryTokenResponse;
import io.tenantmq.sdk.aliyun.TokenType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code AliyunStyleClient.onsMqtt()} against the product: sessions of real MQTT devices, closing a connection, the
 * token life cycle, and the OpenAPI's error codes as exceptions.
 */
class OnsMqttTest {

  static final Duration SOON = Duration.ofSeconds(10);
  static AliyunProduct aliyun;
  static String connectedId;
  static Mqtt3BlockingClient connected;

  @BeforeAll
  static void start() throws Exception {
    aliyun = AliyunProduct.start();
    connectedId = deviceId("ons");
    connected = aliyun.device(connectedId);
  }

  @AfterAll
  static void stop() {
    if (connected.getState().isConnected()) {
      connected.disconnect();
    }
  }

  static boolean online(String clientId) throws Exception {
    return await(aliyun.client.onsMqtt().querySessionByClientId(aliyun.instanceId(), clientId)).onlineStatus();
  }

  @Test
  void querySessionByClientIdSeesAConnectedDeviceAndNotAnUnknownOne() throws Exception {
    await().atMost(SOON).until(() -> online(connectedId));

    var answer = await(aliyun.client.onsMqtt().querySessionByClientId(aliyun.instanceId(), connectedId));
    assertThat(answer.requestId()).isNotBlank();
    assertThat(online(deviceId("never"))).isFalse();
  }

  @Test
  void batchQueryAnswersEveryIdInTheOrderAsked() throws Exception {
    await().atMost(SOON).until(() -> online(connectedId));
    String never = deviceId("never");

    BatchQuerySessionByClientIdsResponse answer = await(aliyun.client.onsMqtt()
        .batchQuerySessionByClientIds(aliyun.instanceId(), List.of(never, connectedId)));

    assertThat(answer.requestId()).isNotBlank();
    assertThat(answer.onlineStatusList())
        .containsExactly(new OnlineStatus(never, false), new OnlineStatus(connectedId, true));
  }

  @Test
  void batchQueryOfMoreThanTenIdsIsRefusedBeforeSending() {
    List<String> eleven = new ArrayList<>(Collections.nCopies(11, "GID_x@@@y"));

    assertThatThrownBy(() -> aliyun.client.onsMqtt().batchQuerySessionByClientIds(aliyun.instanceId(), eleven))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..10");
  }

  @Test
  void closeConnectionDisconnectsTheDevice() throws Exception {
    String clientId = deviceId("closed");
    Mqtt3BlockingClient device = aliyun.device(clientId);
    await().atMost(SOON).until(() -> online(clientId));

    assertThat(await(aliyun.client.onsMqtt().closeConnection(aliyun.instanceId(), clientId)).requestId())
        .isNotBlank();

    await().atMost(SOON).until(() -> !device.getState().isConnected());
    await().atMost(SOON).until(() -> !online(clientId));
  }

  @Test
  void appliedTokenIsActiveUntilRevoked() throws Exception {
    ApplyTokenResponse applied = await(aliyun.client.onsMqtt().applyToken(aliyun.instanceId(), TokenType.RW,
        List.of("sdk/ons/#"), Instant.now().plus(Duration.ofHours(1))));
    assertThat(applied.token()).isNotBlank();
    assertThat(applied.toString()).doesNotContain(applied.token());

    QueryTokenResponse active = await(aliyun.client.onsMqtt().queryToken(aliyun.instanceId(), applied.token()));
    assertThat(active.tokenStatus()).isTrue();

    assertThat(await(aliyun.client.onsMqtt().revokeToken(aliyun.instanceId(), applied.token())).requestId())
        .isNotBlank();
    assertThat(await(aliyun.client.onsMqtt().queryToken(aliyun.instanceId(), applied.token())).tokenStatus())
        .isFalse();
  }

  @Test
  void tokenExpiringInTenSecondsIsAnInvalidExpireTime() {
    assertApiError(() -> await(aliyun.client.onsMqtt().applyToken(aliyun.instanceId(), TokenType.R,
        List.of("sdk/ons/#"), Instant.now().plusSeconds(10))), 400, "InvalidParameter.ExpireTime");
  }

  @Test
  void callsWithTheSameTimestampStillSucceedBecauseEachHasItsOwnNonce() throws Exception {
    AliyunStyleClient frozen = AliyunStyleClient.create(aliyun.options(aliyun.key)
        .setClock(Clock.fixed(Instant.now(), Clock.systemUTC().getZone())));

    for (int i = 0; i < 3; i++) {
      assertThat(await(frozen.onsMqtt().querySessionByClientId(aliyun.instanceId(), connectedId)).requestId())
          .isNotBlank();
    }
  }

  @Test
  void wrongSecretIsSignatureDoesNotMatch() {
    AliyunStyleClient wrong = AliyunStyleClient.create(aliyun.options(aliyun.key)
        .setAccessKeySecret(aliyun.key.secret() + "x"));

    var e = assertApiError(() -> await(wrong.onsMqtt().querySessionByClientId(aliyun.instanceId(), connectedId)),
        400, "SignatureDoesNotMatch");
    assertThat(e.requestId()).isNotBlank();
    assertThat(e.getMessage()).doesNotContain(aliyun.key.secret());
  }

  @Test
  void unknownAccessKeyIsNotFound() {
    AliyunStyleClient stranger = AliyunStyleClient.create(aliyun.options(aliyun.key).setAccessKeyId("LTAInobody"));

    assertApiError(() -> await(stranger.onsMqtt().querySessionByClientId(aliyun.instanceId(), connectedId)),
        404, "InvalidAccessKeyId.NotFound");
  }

  @Test
  void clockTwentyMinutesBehindIsAnExpiredTimestamp() {
    AliyunStyleClient late = AliyunStyleClient.create(aliyun.options(aliyun.key)
        .setClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20))));

    assertApiError(() -> await(late.onsMqtt().querySessionByClientId(aliyun.instanceId(), connectedId)),
        400, "InvalidTimeStamp.Expired");
  }

  @Test
  void anotherTenantsInstanceFailsThePermissionCheckAndItsSessionsStayHidden() throws Exception {
    String theirs = deviceId("theirs");
    Mqtt3BlockingClient device = aliyun.otherTenantDevice(theirs);
    try {
      IssuedCredential owner = aliyun.otherKey;
      AliyunStyleClient ownerClient = AliyunStyleClient.create(aliyun.options(owner));
      await().atMost(SOON).until(() -> await(ownerClient.onsMqtt()
          .querySessionByClientId(aliyun.otherInstance, theirs)).onlineStatus());

      assertApiError(() -> await(aliyun.client.onsMqtt().querySessionByClientId(aliyun.otherInstance, theirs)),
          400, "InstancePermissionCheckFailed");
      assertApiError(() -> await(aliyun.client.onsMqtt().closeConnection(aliyun.otherInstance, theirs)),
          400, "InstancePermissionCheckFailed");
      assertThat(device.getState().isConnected()).isTrue();
    } finally {
      device.disconnect();
    }
  }
}
