package io.tenantmq.gateway.aliyun.openapi;

import io.tenantmq.control.cluster.MapNames;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;

/**
 * The SignatureNonces used within the timestamp window, so a captured request cannot be replayed. On a clustered node
 * Vert.x's async map is the Hazelcast map {@link MapNames#ALIYUN_RPC_NONCES} (configured in ClusterMaps), so a nonce
 * used on one node is refused on every other; each entry expires on its own once its request's timestamp has left
 * the window. Kept in memory only: after a full restart a request could be replayed only if still inside its window.
 */
final class NonceRegistry {

  private final Future<AsyncMap<NonceKey, Long>> map;

  NonceRegistry(Vertx vertx) {
    this.map = vertx.sharedData().getAsyncMap(MapNames.ALIYUN_RPC_NONCES);
  }

  /**
   * Records the first use of {@code key} at {@code nowMillis} for {@code ttlMillis}; true if it is the first, false if
   * it was used already (atomic across the cluster: of two concurrent uses exactly one is first).
   */
  Future<Boolean> claim(NonceKey key, long nowMillis, long ttlMillis) {
    return map.compose(m -> m.putIfAbsent(key, nowMillis, Math.max(1, ttlMillis))).map(previous -> previous == null);
  }
}
