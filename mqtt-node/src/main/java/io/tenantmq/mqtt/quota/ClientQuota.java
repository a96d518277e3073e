package io.tenantmq.mqtt.quota;

import io.tenantmq.mqtt.metrics.InstanceMetrics;
import io.tenantmq.mqtt.metrics.InstanceMetrics.QuotaEvent;

/**
 * The quotas one session checks: its instance's, read at every packet (a quota change reaches connected clients), and
 * its own message rate. The common case (no rate limited, packet within size) is two field reads and a comparison.
 *
 * <p>Owned by: the session's context. Not thread-safe.
 */
public final class ClientQuota {

  private static final long NANOS_PER_MILLI = 1_000_000;

  private final InstanceQuota instance;
  private final InstanceMetrics metrics;
  private TokenBucket bucket;
  private long pauseMillis;

  /** Made by {@link NodeQuotas#client}; public for the quota check's micro-benchmark. */
  public ClientQuota(InstanceQuota instance) {
    this.instance = instance;
    this.metrics = instance.metrics();
  }

  /** What the quotas say about an inbound PUBLISH of {@code packetSize} bytes; counts what is refused or slowed. */
  public PublishVerdict onPublish(int packetSize, boolean mqtt5) {
    QuotaLimits limits = instance.limits();
    if (packetSize > limits.maxPacketSize()) {
      metrics.quotaExceeded(QuotaEvent.PACKET_TOO_LARGE);
      return PublishVerdict.PACKET_TOO_LARGE;
    }
    if (limits.ratesUnlimited()) {
      return PublishVerdict.PASS;
    }
    long now = System.nanoTime();
    long pauseNanos = 0;
    int rate = limits.messagesPerSecondPerClient();
    if (rate > 0) {
      if (bucket == null || bucket.rate() != rate) {
        bucket = new TokenBucket(rate, now);
      }
      if (mqtt5) {
        if (!bucket.tryTake(now)) {
          metrics.quotaExceeded(QuotaEvent.CLIENT_RATE_EXCEEDED);
          return PublishVerdict.RATE_TOO_HIGH;
        }
      } else {
        pauseNanos = bucket.take(now);
        if (pauseNanos > 0) {
          metrics.quotaExceeded(QuotaEvent.CLIENT_RATE_THROTTLED);
        }
      }
    }
    long instancePause = instance.takeInstanceToken(now);
    if (instancePause > 0) {
      metrics.quotaExceeded(QuotaEvent.INSTANCE_RATE_THROTTLED);
      pauseNanos = Math.max(pauseNanos, instancePause);
    }
    if (pauseNanos == 0) {
      return PublishVerdict.PASS;
    }
    pauseMillis = Math.max(1, pauseNanos / NANOS_PER_MILLI);
    return PublishVerdict.THROTTLE;
  }

  /** After {@link PublishVerdict#THROTTLE}: how long the connection should stop reading. */
  public long pauseMillis() {
    return pauseMillis;
  }

  /**
   * Whether a client holding {@code held} subscriptions may add one more (replacing one of its filters does not
   * count); counts a refusal.
   */
  public boolean maySubscribe(int held) {
    if (held < instance.limits().maxSubscriptionsPerClient()) {
      return true;
    }
    metrics.quotaExceeded(QuotaEvent.SUBSCRIPTION_REFUSED);
    return false;
  }

  /** The most QoS 1/2 messages the session queues for its client, as the instance's quota is now. */
  public int maxQueuedMessages() {
    return instance.limits().maxQueuedMessages();
  }

  /** A message the session dropped because its queue was full. */
  public void queueFull() {
    metrics.quotaExceeded(QuotaEvent.QUEUE_FULL);
  }
}
