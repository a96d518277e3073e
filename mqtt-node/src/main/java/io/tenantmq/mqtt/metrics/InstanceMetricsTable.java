package io.tenantmq.mqtt.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link InstanceMetrics} of every instance this node has served, by instance id. Entries are made for instances
 * a connection was accepted into (or a report asked about), never for an id a client merely claimed, so that junk
 * CONNECTs cannot grow the table.
 *
 * <p>Owned by: nobody; thread-safe.
 */
public final class InstanceMetricsTable {

  private final Map<String, InstanceMetrics> byInstance = new ConcurrentHashMap<>();

  /** The instance's metrics, made on first use. */
  public InstanceMetrics of(String instanceId) {
    InstanceMetrics found = byInstance.get(instanceId);
    return found != null ? found : byInstance.computeIfAbsent(instanceId, id -> new InstanceMetrics());
  }

  /** The instance's metrics if this node has any, else null. */
  public InstanceMetrics existing(String instanceId) {
    return instanceId == null ? null : byInstance.get(instanceId);
  }
}
