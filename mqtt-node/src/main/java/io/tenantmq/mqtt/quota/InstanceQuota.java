package io.tenantmq.mqtt.quota;

import io.tenantmq.mqtt.metrics.InstanceMetrics;
import java.util.concurrent.atomic.LongAdder;

/**
 * One instance's quotas on this node: the limits in force, its connections here (live, from {@link InstanceMetrics},
 * plus those being accepted), the other nodes' usage, and this node's share of the instance's message rate.
 *
 * <p>Owned by: nobody; thread-safe. Connections of one instance live on several event loops.
 */
public final class InstanceQuota {

  private final String instanceId;
  private final InstanceMetrics metrics;
  private volatile QuotaLimits limits;
  /** CONNECTs admitted and not yet attached (or failed). Guarded by {@code this}. */
  private int reserved;
  /** Connections of the instance on the other live nodes, as they last reported them. */
  private volatile int othersConnections;
  private volatile int othersRate;
  private volatile int othersPublishing;
  /** PUBLISH packets counted since the last usage report, when the instance's rate is limited. */
  private final LongAdder published = new LongAdder();
  /** This node's share of the instance's rate; replaced when the share changes. Guarded by itself. */
  private TokenBucket bucket;

  /** Made by {@link NodeQuotas}; public for the quota check's micro-benchmark. */
  public InstanceQuota(String instanceId, InstanceMetrics metrics, QuotaLimits limits) {
    this.instanceId = instanceId;
    this.metrics = metrics;
    this.limits = limits;
  }

  public String instanceId() {
    return instanceId;
  }

  public QuotaLimits limits() {
    return limits;
  }

  InstanceMetrics metrics() {
    return metrics;
  }

  void limits(QuotaLimits changed) {
    this.limits = changed;
  }

  void others(int connections, int rate, int publishingNodes) {
    this.othersConnections = connections;
    this.othersRate = rate;
    this.othersPublishing = publishingNodes;
  }

  /** The instance's connections on the other nodes, as they last reported them. */
  public int othersConnections() {
    return othersConnections;
  }

  /** This node's connections of the instance: live ones and those being accepted. */
  public synchronized int localConnections() {
    return (int) metrics.liveConnections().value() + reserved;
  }

  /**
   * Holds a place for a new connection if the instance is below its maximum (cluster-wide: this node's exact count
   * plus the others' last reports); a {@code takeover} of a connected client id always gets one, since it replaces a
   * connection already counted. Null when the instance is at its maximum.
   */
  synchronized ConnectionSlot admit(boolean takeover) {
    int max = limits.maxConnections();
    if (takeover || max == Integer.MAX_VALUE
        || (long) metrics.liveConnections().value() + reserved + othersConnections < max) {
      reserved++;
      return new ConnectionSlot(this);
    }
    return null;
  }

  /** Limits on connections or rate that other nodes must know this node's usage for. */
  boolean clusterWide() {
    QuotaLimits l = limits;
    return l.maxConnections() != Integer.MAX_VALUE || l.messagesPerSecondPerInstance() != 0;
  }

  synchronized void releaseReservation() {
    reserved--;
  }

  /** One PUBLISH of the instance against its rate: how long the connection should stop reading, 0 for not at all. */
  long takeInstanceToken(long nowNanos) {
    int rate = limits.messagesPerSecondPerInstance();
    if (rate == 0) {
      return 0;
    }
    published.increment();
    int share = share(rate);
    synchronized (published) {
      if (bucket == null || bucket.rate() != share) {
        bucket = new TokenBucket(share, nowNanos);
      }
      return bucket.take(nowNanos);
    }
  }

  /**
   * This node's part of the instance's rate: what the other nodes leave of it, and at least an equal split among the
   * nodes publishing, so that a node whose clients start publishing is never starved by one that was first.
   */
  private int share(int rate) {
    int others = othersRate;
    if (others == 0) {
      return rate;
    }
    return Math.max(1, Math.max(rate - others, rate / (othersPublishing + 1)));
  }

  /** PUBLISH packets counted since the last call (for this node's usage report). */
  long takePublished() {
    return published.sumThenReset();
  }
}
