package io.tenantmq.control.quota;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The quotas configured for one instance; a null value is not configured (the node's default applies). Replaced as a
 * whole: what is not given is not configured.
 */
public record InstanceQuotas(String instanceId, Integer maxConnections, Integer maxSubscriptionsPerClient,
                             Integer messagesPerSecondPerClient, Integer messagesPerSecondPerInstance,
                             Integer maxPacketSize, Integer maxQueuedMessages, long modifiedAtMillis)
    implements Serializable {

  public InstanceQuotas {
    Objects.requireNonNull(instanceId, "instanceId");
    for (Quota q : Quota.values()) {
      Integer v = value(q, maxConnections, maxSubscriptionsPerClient, messagesPerSecondPerClient,
          messagesPerSecondPerInstance, maxPacketSize, maxQueuedMessages);
      if (v != null && q.invalidReason(v) != null) {
        throw new IllegalArgumentException(q.invalidReason(v));
      }
    }
  }

  /** Nothing configured: every quota is the node's default. */
  public static InstanceQuotas none(String instanceId) {
    return new InstanceQuotas(instanceId, null, null, null, null, null, null, 0);
  }

  /** The quotas in {@code values} (absent: not configured); fails on a value out of bounds. */
  public static InstanceQuotas of(String instanceId, Map<Quota, Integer> values, long nowMillis) {
    return new InstanceQuotas(instanceId, values.get(Quota.MAX_CONNECTIONS), values.get(Quota.MAX_SUBSCRIPTIONS_PER_CLIENT),
        values.get(Quota.MESSAGES_PER_SECOND_PER_CLIENT), values.get(Quota.MESSAGES_PER_SECOND_PER_INSTANCE),
        values.get(Quota.MAX_PACKET_SIZE), values.get(Quota.MAX_QUEUED_MESSAGES), nowMillis);
  }

  /** The configured value, or null. */
  public Integer get(Quota quota) {
    return value(quota, maxConnections, maxSubscriptionsPerClient, messagesPerSecondPerClient,
        messagesPerSecondPerInstance, maxPacketSize, maxQueuedMessages);
  }

  /** The configured quotas only. */
  public Map<Quota, Integer> configured() {
    Map<Quota, Integer> result = new EnumMap<>(Quota.class);
    for (Quota q : Quota.values()) {
      if (get(q) != null) {
        result.put(q, get(q));
      }
    }
    return result;
  }

  private static Integer value(Quota quota, Integer maxConnections, Integer maxSubscriptionsPerClient,
                               Integer messagesPerSecondPerClient, Integer messagesPerSecondPerInstance,
                               Integer maxPacketSize, Integer maxQueuedMessages) {
    return switch (quota) {
      case MAX_CONNECTIONS -> maxConnections;
      case MAX_SUBSCRIPTIONS_PER_CLIENT -> maxSubscriptionsPerClient;
      case MESSAGES_PER_SECOND_PER_CLIENT -> messagesPerSecondPerClient;
      case MESSAGES_PER_SECOND_PER_INSTANCE -> messagesPerSecondPerInstance;
      case MAX_PACKET_SIZE -> maxPacketSize;
      case MAX_QUEUED_MESSAGES -> maxQueuedMessages;
    };
  }
}
