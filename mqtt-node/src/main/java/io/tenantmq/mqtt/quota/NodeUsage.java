package io.tenantmq.mqtt.quota;

import java.io.Serializable;

/**
 * What one node uses of one instance's cluster-wide quotas: its connections (accepted and being accepted) and the
 * PUBLISH packets per second its clients sent over the last period.
 */
record NodeUsage(int connections, int messagesPerSecond) implements Serializable {
  static final NodeUsage NONE = new NodeUsage(0, 0);
}
