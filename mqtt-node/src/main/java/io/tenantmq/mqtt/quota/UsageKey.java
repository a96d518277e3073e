package io.tenantmq.mqtt.quota;

import java.io.Serializable;

/** One node's usage of one instance, in the map {@code tenantmq.quota-usage}; the instance first. */
record UsageKey(String instanceId, String node) implements Serializable {
}
