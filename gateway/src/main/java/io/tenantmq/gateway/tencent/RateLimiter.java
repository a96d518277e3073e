package io.tenantmq.gateway.tencent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Calls per second per credential per action, as token buckets that hold one second's worth of calls. Per gateway
 * node: a cluster of N gateways lets a credential make up to N times the limit, as the cloud's own per-region limits
 * do. Buckets exist only for (credential, known action) pairs, so a caller cannot grow the map with made-up names.
 */
final class RateLimiter {

  private final int defaultPerSecond;
  private final Map<String, Integer> perAction;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int defaultPerSecond, Map<String, Integer> perAction, LongSupplier nanoTime) {
    this.defaultPerSecond = defaultPerSecond;
    this.perAction = Map.copyOf(perAction);
    this.nanoTime = nanoTime;
  }

  int limitOf(String action) {
    return perAction.getOrDefault(action, defaultPerSecond);
  }

  /** Takes one call from the bucket of (secretId, action); false when it is empty. */
  boolean tryAcquire(String secretId, String action) {
    int limit = limitOf(action);
    return buckets.computeIfAbsent(secretId + '\n' + action, k -> new Bucket(limit, nanoTime.getAsLong()))
        .tryTake(nanoTime.getAsLong());
  }

  /** Shared by the event loops that serve one credential: a tiny critical section, no blocking. */
  private static final class Bucket {
    private final int perSecond;
    private double tokens;
    private long lastNanos;

    Bucket(int perSecond, long nowNanos) {
      this.perSecond = perSecond;
      this.tokens = perSecond;
      this.lastNanos = nowNanos;
    }

    synchronized boolean tryTake(long nowNanos) {
      tokens = Math.min(perSecond, tokens + (nowNanos - lastNanos) * perSecond / 1e9);
      lastNanos = nowNanos;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }
}
