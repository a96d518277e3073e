package io.tenantmq.mqtt.quota;

/**
 * A token bucket of {@code rate} tokens per second holding at most one second's worth (a burst of {@code rate}).
 * Clock in nanoseconds, passed in; no allocation.
 *
 * <p>Owned by: one thread, or its owner's lock. Not thread-safe.
 */
final class TokenBucket {

  private static final double NANOS = 1e9;

  private final int rate;
  private double tokens;
  private long lastNanos;

  TokenBucket(int rate, long nowNanos) {
    this.rate = rate;
    this.tokens = rate;
    this.lastNanos = nowNanos;
  }

  int rate() {
    return rate;
  }

  /** Takes a token if there is one. */
  boolean tryTake(long nowNanos) {
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /**
   * Takes a token even when there is none (the debt is at most one second's worth) and returns how long the caller
   * should wait before the next, in nanoseconds: 0 when it was within the rate.
   */
  long take(long nowNanos) {
    refill(nowNanos);
    tokens -= 1;
    if (tokens >= 0) {
      return 0;
    }
    if (tokens < -rate) {
      tokens = -rate;
    }
    return (long) (-tokens * NANOS / rate);
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    if (elapsed > 0) {
      tokens = Math.min(rate, tokens + elapsed * (rate / NANOS));
      lastNanos = nowNanos;
    }
  }
}
