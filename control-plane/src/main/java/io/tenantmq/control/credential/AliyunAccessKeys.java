package io.tenantmq.control.credential;

import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.TenantDirectory;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The two lookups every Aliyun-dialect entry point makes (Signature and Token MQTT logins, the token server,
 * {@code /route/clientId/get}, the OnsMqtt OpenAPI), in one place so they agree on what a usable key is and which
 * instances it may act on.
 */
public final class AliyunAccessKeys {

  private final CredentialService credentials;
  private final TenantDirectory tenants;

  public AliyunAccessKeys(CredentialService credentials, TenantDirectory tenants) {
    this.credentials = credentials;
    this.tenants = tenants;
  }

  /**
   * The AccessKey {@code accessKeyId} with its secret, if it is an Aliyun credential that may sign now (enabled, not
   * expired); empty for an unknown id, another dialect's credential, or one that may not sign.
   */
  public CompletionStage<Optional<AliyunAccessKey>> find(String accessKeyId, long nowMillis) {
    if (accessKeyId == null || accessKeyId.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return credentials.get(accessKeyId).thenApply(found -> found
        .filter(c -> c.kind() == CredentialKind.ALIYUN && c.usableAt(nowMillis))
        .map(c -> new AliyunAccessKey(c, credentials.secretOf(c))));
  }

  /**
   * The instance {@code instanceId} if {@code key} may act on it: it exists, belongs to the key's tenant, and is the
   * key's instance when the key names one. Empty otherwise, the same for "no such instance" and "another tenant's",
   * so a caller learns nothing about instances that are not its own.
   */
  public CompletionStage<Optional<Instance>> instanceFor(AliyunAccessKey key, String instanceId) {
    if (instanceId == null || !Instance.ID_PATTERN.matcher(instanceId).matches()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return tenants.instance(instanceId).thenApply(found -> found
        .filter(i -> key.credential().covers(i.tenantId(), i.instanceId())));
  }
}
