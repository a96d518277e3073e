package io.tenantmq.control.credential;

import java.io.Serializable;

/**
 * A change to a credential's description, expiry and enabled state (what EMQX's {@code PUT /api_key/{name}} changes);
 * null fields stay as they are. Never its id, owner or secret.
 *
 * @param expiresAtMillis when it stops working; 0 for never
 */
public record CredentialChange(String description, Long expiresAtMillis, Boolean disabled) implements Serializable {

  public CredentialChange {
    if (expiresAtMillis != null && expiresAtMillis < 0) {
      throw new IllegalArgumentException("expiresAtMillis must be 0 (never) or a time, was " + expiresAtMillis);
    }
  }

  /** {@code credential} with this change applied. */
  public Credential applyTo(Credential c) {
    return new Credential(c.credentialId(), c.tenantId(), c.kind(), c.instanceId(), c.storedSecret(), c.remark(),
        c.createdAtMillis(), description == null ? c.description() : description,
        expiresAtMillis == null ? c.expiresAtMillis() : expiresAtMillis, disabled == null ? c.disabled() : disabled);
  }
}
