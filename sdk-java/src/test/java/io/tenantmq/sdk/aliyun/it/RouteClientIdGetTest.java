package io.tenantmq.sdk.aliyun.it;

import static io.tenantmq.sdk.aliyun.it.AliyunProduct.assertApiError;
import static io.tenantmq.sdk.aliyun.it.AliyunProduct.deviceId;
import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.tenantmq.sdk.aliyun.AliyunApiException;
import io.tenantmq.sdk.aliyun.AliyunStyleClient;
import io.tenantmq.sdk.aliyun.RouteStatus;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code AliyunStyleClient.routeClientIdGet} against the product: a device logged in with the SDK's Signature-mode
 * credentials is online while connected, and every error code of §3.4 arrives as an exception with the server's code.
 */
class RouteClientIdGetTest {

  static final Duration SOON = Duration.ofSeconds(10);
  static AliyunProduct aliyun;

  @BeforeAll
  static void start() throws Exception {
    aliyun = AliyunProduct.start();
  }

  static int online(String clientId) throws Exception {
    return await(aliyun.client.routeClientIdGet(aliyun.instanceId(), clientId)).online();
  }

  @Test
  void signatureModeDeviceIsOnlineWhileConnectedAndOfflineAfter() throws Exception {
    String clientId = deviceId("sensor");
    Mqtt3BlockingClient device = aliyun.signatureDevice(clientId);

    await().atMost(SOON).until(() -> online(clientId) == 1);
    RouteStatus status = await(aliyun.client.routeClientIdGet(aliyun.instanceId(), clientId));
    assertThat(status.code()).isZero();
    assertThat(status.success()).isTrue();
    assertThat(status.isOnline()).isTrue();

    device.disconnect();
    await().atMost(SOON).until(() -> online(clientId) == 0);
  }

  @Test
  void clientThatNeverConnectedIsOffline() throws Exception {
    RouteStatus status = await(aliyun.client.routeClientIdGet(aliyun.instanceId(), deviceId("never")));

    assertThat(status.online()).isZero();
    assertThat(status.isOnline()).isFalse();
  }

  @Test
  void wrongSecretIsSignatureErrorCode2() {
    AliyunStyleClient wrong = AliyunStyleClient.create(aliyun.options(aliyun.key)
        .setAccessKeySecret(aliyun.key.secret() + "x"));

    assertApiError(() -> await(wrong.routeClientIdGet(aliyun.instanceId(), deviceId("x"))), 403, "2");
  }

  @Test
  void clockSixMinutesBehindIsTimestampExpiredCode4() {
    AliyunStyleClient late = AliyunStyleClient.create(aliyun.options(aliyun.key)
        .setClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6))));

    assertApiError(() -> await(late.routeClientIdGet(aliyun.instanceId(), deviceId("x"))), 403, "4");
  }

  @Test
  void anotherTenantsClientIsPermissionErrorCode3WhetherItIsConnectedOrNot() throws Exception {
    String theirs = deviceId("theirs");
    Mqtt3BlockingClient device = aliyun.signatureDevice(aliyun.otherKey, aliyun.otherInstance, theirs);
    try {
      AliyunStyleClient owner = AliyunStyleClient.create(aliyun.options(aliyun.otherKey));
      await().atMost(SOON).until(() -> await(owner.routeClientIdGet(aliyun.otherInstance, theirs)).online() == 1);

      AliyunApiException connected =
          assertApiError(() -> await(aliyun.client.routeClientIdGet(aliyun.otherInstance, theirs)), 403, "3");
      AliyunApiException unknown =
          assertApiError(() -> await(aliyun.client.routeClientIdGet(aliyun.otherInstance, deviceId("x"))), 403, "3");
      assertThat(connected.getMessage()).isEqualTo(unknown.getMessage());
    } finally {
      device.disconnect();
    }
  }
}
