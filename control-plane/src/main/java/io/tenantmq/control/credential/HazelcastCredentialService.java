package io.tenantmq.control.credential;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.cluster.PutIfAbsent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** {@link CredentialService} on the Hazelcast map {@link MapNames#CREDENTIALS}, secrets sealed or hashed. */
public final class HazelcastCredentialService implements CredentialService {

  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IMap<String, Credential> credentials;
  private final SecretCipher cipher;
  private final Executor queryExecutor;

  public HazelcastCredentialService(HazelcastInstance hazelcast, SecretCipher cipher, Executor queryExecutor) {
    this.credentials = hazelcast.getMap(MapNames.CREDENTIALS);
    this.cipher = cipher;
    this.queryExecutor = queryExecutor;
  }

  @Override
  public CompletionStage<IssuedCredential> issue(String tenantId, CredentialKind kind, String instanceId, String remark) {
    String id = kind.idPrefix() + random(kind.idRandomLength());
    String secret = random(kind.secretLength());
    return importCredential(id, secret, tenantId, kind, instanceId, remark).thenCompose(stored -> stored
        ? credentials.getAsync(id).thenApply(c -> new IssuedCredential(c, secret))
        : issue(tenantId, kind, instanceId, remark)); // an id collision: draw again
  }

  @Override
  public CompletionStage<Boolean> importCredential(String credentialId, String secret, String tenantId,
                                                   CredentialKind kind, String instanceId, String remark) {
    return CompletableFuture.supplyAsync(() -> kind.hashed() ? PasswordHasher.hash(secret) : cipher.seal(secret),
            queryExecutor)
        .thenCompose(stored -> {
          Credential c = new Credential(credentialId, tenantId, kind, instanceId, stored, remark, System.currentTimeMillis());
          return credentials.submitToKey(credentialId, new PutIfAbsent<String, Credential>(c))
              .thenApply(now -> now.storedSecret().equals(stored));
        });
  }

  @Override
  public CompletionStage<Optional<Credential>> get(String credentialId) {
    return credentials.getAsync(credentialId).thenApply(Optional::ofNullable);
  }

  @Override
  public CompletionStage<List<Credential>> list(String tenantId) {
    return CompletableFuture.supplyAsync(() -> {
      List<Credential> found = new ArrayList<>(credentials.values(Predicates.equal("tenantId", tenantId)));
      found.sort(Comparator.comparing(Credential::credentialId));
      return List.copyOf(found);
    }, queryExecutor);
  }

  @Override
  public CompletionStage<Optional<Credential>> update(String credentialId, CredentialChange change) {
    return credentials.submitToKey(credentialId, new Change(change)).thenApply(Optional::ofNullable);
  }

  @Override
  public CompletionStage<Boolean> revoke(String credentialId) {
    return credentials.removeAsync(credentialId).thenApply(previous -> previous != null);
  }

  @Override
  public String secretOf(Credential credential) {
    if (credential.kind().hashed()) {
      throw new IllegalArgumentException(credential.kind() + " secrets are stored hashed only");
    }
    return cipher.open(credential.storedSecret());
  }

  @Override
  public boolean secretMatches(Credential credential, String secret) {
    if (credential.kind().hashed()) {
      return PasswordHasher.matches(secret, credential.storedSecret());
    }
    return MessageDigest.isEqual(secretOf(credential).getBytes(StandardCharsets.UTF_8),
        secret.getBytes(StandardCharsets.UTF_8));
  }

  private static String random(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return sb.toString();
  }

  /** Returns the changed credential itself (or null), not an Optional: results travel serialized. */
  private record Change(CredentialChange change) implements EntryProcessor<String, Credential, Credential> {
    @Override
    public Credential process(Map.Entry<String, Credential> entry) {
      if (entry.getValue() == null) {
        return null;
      }
      Credential changed = change.applyTo(entry.getValue());
      entry.setValue(changed);
      return changed;
    }
  }
}
