package io.tenantmq.control.credential;

import java.io.Serializable;
import java.util.Objects;

/**
 * A key pair of one tenant for one dialect. Never holds the secret in clear: {@code storedSecret} is the sealed secret
 * or its hash, as {@link CredentialKind#hashed()} says. {@link #toString()} leaves it out so it is never logged.
 *
 * @param credentialId  the public half: SecretId, AccessKeyId or API key
 * @param instanceId    the one instance the credential may act on, or null for every instance of the tenant
 */
public record Credential(String credentialId, String tenantId, CredentialKind kind, String instanceId,
                         String storedSecret, String remark, long createdAtMillis) implements Serializable {
  public Credential {
    Objects.requireNonNull(credentialId, "credentialId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(storedSecret, "storedSecret");
    remark = remark == null ? "" : remark;
  }

  /** Whether the credential may act on {@code instance} of {@code tenant}. */
  public boolean covers(String tenant, String instance) {
    return tenantId.equals(tenant) && (instanceId == null || instanceId.equals(instance));
  }

  @Override
  public String toString() {
    return "Credential[" + kind + " " + credentialId + " of " + tenantId + (instanceId == null ? "" : "/" + instanceId) + "]";
  }
}
