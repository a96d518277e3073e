package io.tenantmq.control.credential;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The tenants' credentials, shared by the cluster. Stages complete off the caller's thread.
 */
public interface CredentialService {

  /** Creates a credential with fresh random id and secret; the secret is in the result only. */
  CompletionStage<IssuedCredential> issue(String tenantId, CredentialKind kind, String instanceId, String remark);

  /** Stores a credential with a given id and secret (the demo tenant's, or an operator's import); false if the id is taken. */
  CompletionStage<Boolean> importCredential(String credentialId, String secret, String tenantId, CredentialKind kind,
                                            String instanceId, String remark);

  CompletionStage<Optional<Credential>> get(String credentialId);

  /** The credentials of one tenant, by id; without secrets. */
  CompletionStage<List<Credential>> list(String tenantId);

  /**
   * Applies {@code change} atomically (on the partition that owns the credential) and returns the credential as it is
   * now; empty, changing nothing, when there is no such credential.
   */
  CompletionStage<Optional<Credential>> update(String credentialId, CredentialChange change);

  /** Deletes the credential; false when there was none. */
  CompletionStage<Boolean> revoke(String credentialId);

  /** The secret in clear of an HMAC credential (not {@link CredentialKind#hashed()}), to verify a signature with. */
  String secretOf(Credential credential);

  /** Whether {@code secret} is the credential's secret; constant time. Costly for hashed kinds: call off event loops. */
  boolean secretMatches(Credential credential, String secret);
}
