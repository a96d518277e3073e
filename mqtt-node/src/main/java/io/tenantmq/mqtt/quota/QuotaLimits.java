package io.tenantmq.mqtt.quota;

import io.tenantmq.control.quota.InstanceQuotas;
import io.tenantmq.mqtt.MqttNodeOptions;

/**
 * The quotas in force for one instance on this node: its configured ones, the node's defaults for the rest. A rate of
 * 0 and {@link Integer#MAX_VALUE} counts are unlimited.
 *
 * @param maxPacketSize the lower of the node's and the instance's maximum packet size
 */
public record QuotaLimits(int maxConnections, int maxSubscriptionsPerClient, int messagesPerSecondPerClient,
                          int messagesPerSecondPerInstance, int maxPacketSize, int maxQueuedMessages) {

  static QuotaLimits resolve(InstanceQuotas configured, MqttNodeOptions node) {
    return new QuotaLimits(
        or(configured.maxConnections(), Integer.MAX_VALUE),
        or(configured.maxSubscriptionsPerClient(), Integer.MAX_VALUE),
        or(configured.messagesPerSecondPerClient(), 0),
        or(configured.messagesPerSecondPerInstance(), 0),
        Math.min(node.getMaxPacketSize(), or(configured.maxPacketSize(), Integer.MAX_VALUE)),
        or(configured.maxQueuedMessages(), node.getMaxQueuedMessages()));
  }

  /** No publish rate is limited: the per-PUBLISH check is one comparison. */
  boolean ratesUnlimited() {
    return messagesPerSecondPerClient == 0 && messagesPerSecondPerInstance == 0;
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
