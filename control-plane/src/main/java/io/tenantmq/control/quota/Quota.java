package io.tenantmq.control.quota;

/**
 * The quotas an instance can be given, each with its JSON name and the bounds a configured value must lie within. An
 * instance without a value for one uses the node's default (for most: unlimited).
 */
public enum Quota {
  /** Connections of the instance, cluster-wide. */
  MAX_CONNECTIONS("maxConnections", 1, 10_000_000),
  /** Subscriptions one client may hold. */
  MAX_SUBSCRIPTIONS_PER_CLIENT("maxSubscriptionsPerClient", 1, 100_000),
  /** PUBLISH packets one client may send per second. */
  MESSAGES_PER_SECOND_PER_CLIENT("messagesPerSecondPerClient", 1, 1_000_000),
  /** PUBLISH packets all clients of the instance may send per second, cluster-wide. */
  MESSAGES_PER_SECOND_PER_INSTANCE("messagesPerSecondPerInstance", 1, 100_000_000),
  /** The largest packet a client of the instance may send; the node's own limit still applies when lower. */
  MAX_PACKET_SIZE("maxPacketSize", 1024, 268_435_455),
  /** QoS 1/2 messages a session keeps for its client while it is offline (or its window is full). */
  MAX_QUEUED_MESSAGES("maxQueuedMessages", 1, 10_000_000);

  private final String jsonName;
  private final int min;
  private final int max;

  Quota(String jsonName, int min, int max) {
    this.jsonName = jsonName;
    this.min = min;
    this.max = max;
  }

  public String jsonName() {
    return jsonName;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  /** What is wrong with {@code value} for this quota, or null when it is within bounds. */
  public String invalidReason(long value) {
    if (value < min || value > max) {
      return jsonName + " must be an integer within " + min + ".." + max + ", was " + value;
    }
    return null;
  }
}
