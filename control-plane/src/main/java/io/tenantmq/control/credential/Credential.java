package io.tenantmq.control.credential;

import java.io.Serializable;
import java.util.Objects;

/**
 * A key pair of one tenant for one dialect. Never holds the secret in clear: {@code storedSecret} is the sealed secret
 * or its hash, as {@link CredentialKind#hashed()} says. {@link #toString()} leaves it out so it is never logged.
 *
 * @param credentialId  the public half: SecretId, AccessKeyId or API key
 * @param instanceId    the one instance the credential may act on, or null for every instance of the tenant
 * @param description   free text beside the remark (EMQX's {@code desc}; the remark is an API key's {@code name})
 * @param expiresAtMillis when it stops working; 0 for never
 * @param disabled      set aside without being deleted; a disabled credential authenticates nothing
 */
public record Credential(String credentialId, String tenantId, CredentialKind kind, String instanceId,
                         String storedSecret, String remark, long createdAtMillis, String description,
                         long expiresAtMillis, boolean disabled) implements Serializable {
  public Credential {
    Objects.requireNonNull(credentialId, "credentialId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(storedSecret, "storedSecret");
    remark = remark == null ? "" : remark;
    description = description == null ? "" : description;
  }

  /** An enabled credential that never expires. */
  public Credential(String credentialId, String tenantId, CredentialKind kind, String instanceId, String storedSecret,
                    String remark, long createdAtMillis) {
    this(credentialId, tenantId, kind, instanceId, storedSecret, remark, createdAtMillis, "", 0, false);
  }

  /** Whether it may authenticate a request at {@code nowMillis}: enabled and not expired. */
  public boolean usableAt(long nowMillis) {
    return !disabled && (expiresAtMillis == 0 || nowMillis < expiresAtMillis);
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
