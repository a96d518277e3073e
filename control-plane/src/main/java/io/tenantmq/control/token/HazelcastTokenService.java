package io.tenantmq.control.token;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryRemovedListener;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.cluster.ScopedRecords;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@link TokenService} on the Hazelcast map {@link MapNames#TOKENS}, keyed by {@link TokenDigest}. Each entry lives in
 * memory until its expiry (a map TTL), so expired tokens do not pile up; a token's own expiry is what decides, so one
 * loaded again from the store after its TTL is still refused.
 */
public final class HazelcastTokenService implements TokenService {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** 32 random bytes: as unguessable as the AccessKeySecret that applied for it. */
  private static final int TOKEN_BYTES = 32;

  private final IMap<String, AccessToken> tokens;
  private final Executor queryExecutor;
  private final List<Consumer<AccessToken>> revokedListeners = new CopyOnWriteArrayList<>();

  public HazelcastTokenService(HazelcastInstance hazelcast, Executor queryExecutor) {
    this.tokens = hazelcast.getMap(MapNames.TOKENS);
    this.queryExecutor = queryExecutor;
    // old value wanted: the listeners must know which instance's connections to look at
    tokens.addEntryListener((EntryRemovedListener<String, AccessToken>) this::removed, true);
  }

  @Override
  public CompletionStage<IssuedToken> apply(TokenRequest request) {
    byte[] random = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(random);
    String token = Base64.getEncoder().encodeToString(random);
    long now = System.currentTimeMillis();
    AccessToken stored = new AccessToken(TokenDigest.of(token), request.tenantId(), request.instanceId(),
        request.accessKeyId(), request.actions(), request.resources(), request.expireAtMillis(), now);
    long ttl = Math.max(1, request.expireAtMillis() - now);
    return tokens.setAsync(stored.digest(), stored, ttl, TimeUnit.MILLISECONDS)
        .thenApply(done -> new IssuedToken(token, stored));
  }

  @Override
  public CompletionStage<Optional<AccessToken>> find(String token) {
    return tokens.getAsync(TokenDigest.of(token)).thenApply(Optional::ofNullable);
  }

  @Override
  public CompletionStage<Boolean> revoke(String token) {
    return tokens.removeAsync(TokenDigest.of(token)).thenApply(previous -> previous != null);
  }

  @Override
  public CompletionStage<Integer> deleteAll(String instanceId) {
    return ScopedRecords.deleteAll(tokens, instanceId, queryExecutor);
  }

  @Override
  public void onRevoked(Consumer<AccessToken> listener) {
    revokedListeners.add(listener);
  }

  private void removed(EntryEvent<String, AccessToken> event) {
    AccessToken old = event.getOldValue();
    if (old != null) {
      revokedListeners.forEach(l -> l.accept(old));
    }
  }
}
