package io.tenantmq.mqtt;

import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.control.token.IssuedToken;
import io.tenantmq.control.token.TokenAction;
import io.tenantmq.control.token.TokenRequest;
import io.tenantmq.signing.aliyun.AliyunHmac;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * Alibaba Cloud logins against a {@link TestNode}: tenants, instances, AccessKeys and tokens made through its control
 * plane, and the user names and passwords devices send.
 */
public final class TestAliyun {

  /** An AccessKey as its owner holds it. */
  public record AccessKey(String id, String secret, String tenantId) {
  }

  private TestAliyun() {
  }

  /** Creates a tenant (if absent) with one instance that admits no anonymous client; returns the instance id. */
  public static String createInstance(TestNode node, String tenantId, String instanceId) throws Exception {
    node.control.tenants().createTenantIfAbsent(new Tenant(tenantId, tenantId, System.currentTimeMillis()))
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    node.control.tenants().createInstanceIfAbsent(new Instance(instanceId, tenantId, instanceId, false,
        System.currentTimeMillis())).toCompletableFuture().get(10, TimeUnit.SECONDS);
    return instanceId;
  }

  /** Issues an ALIYUN AccessKey of {@code tenantId} for all its instances. */
  public static AccessKey accessKey(TestNode node, String tenantId) throws Exception {
    return accessKey(node, tenantId, null);
  }

  /** Issues an ALIYUN AccessKey of {@code tenantId} for {@code instanceId} only (null: all its instances). */
  public static AccessKey accessKey(TestNode node, String tenantId, String instanceId) throws Exception {
    IssuedCredential issued = node.control.credentials().issue(tenantId, CredentialKind.ALIYUN, instanceId, "test")
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new AccessKey(issued.credential().credentialId(), issued.secret(), tenantId);
  }

  /** Applies for a token of {@code key} on {@code instanceId}; any expiry is taken as is. */
  public static String token(TestNode node, AccessKey key, String instanceId, Set<TokenAction> actions,
                             List<String> resources, long expireAtMillis) throws Exception {
    IssuedToken issued = node.control.tokens().apply(new TokenRequest(key.tenantId(), instanceId, key.id(), actions,
        resources, expireAtMillis)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    return issued.token();
  }

  /** A token that lives for an hour. */
  public static String token(TestNode node, AccessKey key, String instanceId, Set<TokenAction> actions,
                             List<String> resources) throws Exception {
    return token(node, key, instanceId, actions, resources, System.currentTimeMillis() + 3_600_000);
  }

  public static String signatureUsername(AccessKey key, String instanceId) {
    return "Signature|" + key.id() + "|" + instanceId;
  }

  public static String tokenUsername(AccessKey key, String instanceId) {
    return "Token|" + key.id() + "|" + instanceId;
  }

  /** The Signature-mode password of {@code clientId}. */
  public static String signature(AccessKey key, String clientId) {
    return AliyunHmac.mqttPassword(key.secret(), clientId);
  }

  /** Paho 3.1.1 options (clean session) logging in with {@code username} and {@code password}. */
  public static MqttConnectOptions paho311(String username, String password) {
    MqttConnectOptions o = TestClients.paho3Options(MqttConnectOptions.MQTT_VERSION_3_1_1, true);
    o.setUserName(username);
    o.setPassword(password.toCharArray());
    return o;
  }
}
