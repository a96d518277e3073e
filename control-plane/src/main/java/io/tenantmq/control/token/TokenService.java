package io.tenantmq.control.token;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** The access tokens of every instance, shared by the cluster and kept with the durable state. */
public interface TokenService {

  /** Issues a fresh random token for {@code request}; the token in clear is in the result only. */
  CompletionStage<IssuedToken> apply(TokenRequest request);

  /** The stored token whose clear form is {@code token}, expired or not; empty when there is none. */
  CompletionStage<Optional<AccessToken>> find(String token);

  /** Revokes (deletes) a token; false when there was none. Connections using it are closed by their nodes. */
  CompletionStage<Boolean> revoke(String token);

  /** Removes every token of an instance (the instance is being deleted); returns how many. */
  CompletionStage<Integer> deleteAll(String instanceId);

  /** Calls {@code listener} (on a Hazelcast thread) with every token revoked anywhere in the cluster from now on. */
  void onRevoked(Consumer<AccessToken> listener);
}
