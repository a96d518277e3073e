package io.tenantmq.sdk.aliyun.it;

import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.user.MqttUser;
import io.tenantmq.sdk.aliyun.AliyunApiException;
import io.tenantmq.sdk.aliyun.AliyunClientOptions;
import io.tenantmq.sdk.aliyun.AliyunMqttCredentials;
import io.tenantmq.sdk.aliyun.AliyunStyleClient;
import io.tenantmq.sdk.it.TenantMqUnderTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The product under test as an Alibaba Cloud user sees it: AccessKeys of the demo tenant and of a tenant of its own
 * (each with one instance), clients signed with them, devices that log in in Signature mode.
 */
final class AliyunProduct {

  final TenantMqUnderTest product;
  /** An AccessKey of the demo tenant, for the demo instance. */
  final IssuedCredential key;
  final AliyunStyleClient client;
  /** An instance of another tenant, which {@link #key} must never reach. */
  final String otherInstance;
  /** An AccessKey of that other tenant, for its instance. */
  final IssuedCredential otherKey;

  private AliyunProduct(TenantMqUnderTest product, IssuedCredential key, String otherInstance,
                        IssuedCredential otherKey) {
    this.product = product;
    this.key = key;
    this.client = AliyunStyleClient.create(options(key));
    this.otherInstance = otherInstance;
    this.otherKey = otherKey;
  }

  static AliyunProduct start() throws Exception {
    TenantMqUnderTest product = TenantMqUnderTest.shared();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    IssuedCredential key = issue(product, product.node.demo().tenantId(), product.instanceId());
    String otherInstance = product.otherTenantInstance("aliyun-" + suffix);
    return new AliyunProduct(product, key, otherInstance, issue(product, "tenant-aliyun-" + suffix, otherInstance));
  }

  static IssuedCredential issue(TenantMqUnderTest product, String tenantId, String instanceId) throws Exception {
    return await(product.control().credentials().issue(tenantId, CredentialKind.ALIYUN, instanceId, "sdk-it")
        .toCompletableFuture());
  }

  String instanceId() {
    return product.instanceId();
  }

  /** Options with {@code key}, for a client that differs from {@link #client} in one setting. */
  AliyunClientOptions options(IssuedCredential key) {
    return new AliyunClientOptions().setEndpoint(product.endpoint())
        .setAccessKeyId(key.credential().credentialId()).setAccessKeySecret(key.secret());
  }

  /** A client id as Alibaba Cloud devices use them, unique to this call. */
  static String deviceId(String group) {
    return "GID_" + group + "@@@" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** An anonymous MQTT 3.1.1 device of the demo instance (which allows them from loopback); the caller disconnects. */
  Mqtt3BlockingClient device(String clientId) {
    Mqtt3BlockingClient device = mqtt3(clientId);
    device.connect();
    return device;
  }

  /**
   * An MQTT 3.1.1 device of {@link #otherInstance}, logged in as a user of that instance made for it; the caller
   * disconnects.
   */
  Mqtt3BlockingClient otherTenantDevice(String clientId) throws Exception {
    String user = "u-" + UUID.randomUUID().toString().substring(0, 8);
    await(product.control().users().create(MqttUser.create(otherInstance, user, "pw", true, true, "sdk-it",
        System.currentTimeMillis())).toCompletableFuture());
    Mqtt3BlockingClient device = mqtt3(clientId);
    device.connectWith().simpleAuth().username(user + "@" + otherInstance)
        .password("pw".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
    return device;
  }

  private Mqtt3BlockingClient mqtt3(String clientId) {
    return Mqtt3Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(product.mqttPort())
        .buildBlocking();
  }

  /** An MQTT 3.1.1 device of the demo instance in Signature mode with {@link #key}; the caller disconnects. */
  Mqtt3BlockingClient signatureDevice(String clientId) {
    return signatureDevice(key, instanceId(), clientId);
  }

  /** An MQTT 3.1.1 device logged in in Signature mode; the caller disconnects. */
  Mqtt3BlockingClient signatureDevice(IssuedCredential key, String instanceId, String clientId) {
    AliyunMqttCredentials login = AliyunMqttCredentials.signature(key.credential().credentialId(), key.secret(),
        instanceId, clientId);
    Mqtt3BlockingClient device = mqtt3(clientId);
    device.connectWith().simpleAuth().username(login.username()).password(login.passwordBytes()).applySimpleAuth()
        .send();
    return device;
  }

  /** The API error a call failed with, unwrapped from its future. */
  static AliyunApiException apiError(ThrowingCallable call) {
    try {
      call.call();
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof AliyunApiException api) {
        return api;
      }
      throw new AssertionError("not an API error", e);
    } catch (Throwable t) {
      throw new AssertionError("not an API error", t);
    }
    throw new AssertionError("the call succeeded");
  }

  /** The call failed with HTTP {@code status} and the server's {@code code}. */
  static AliyunApiException assertApiError(ThrowingCallable call, int status, String code) {
    AliyunApiException e = apiError(call);
    assertThat(e.status()).as(e.toString()).isEqualTo(status);
    assertThat(e.code()).as(e.toString()).isEqualTo(code);
    return e;
  }
}
