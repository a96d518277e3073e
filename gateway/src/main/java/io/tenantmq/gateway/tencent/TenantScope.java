package io.tenantmq.gateway.tencent;

import java.util.Objects;

/**
 * Whose request this is: the tenant of the credential that signed it, and the one instance the credential is limited
 * to (null: every instance of the tenant).
 */
public record TenantScope(String tenantId, String instanceId, String secretId) {
  public TenantScope {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(secretId, "secretId");
  }

  /** Whether an instance owned by {@code ownerTenantId} is visible to this request. */
  public boolean covers(String ownerTenantId, String instance) {
    return tenantId.equals(ownerTenantId) && (instanceId == null || instanceId.equals(instance));
  }

  /** Whether the credential may act on the whole tenant (create instances, for one). */
  public boolean wholeTenant() {
    return instanceId == null;
  }
}
