package io.tenantmq.control.registry;

import java.io.Serializable;
import java.util.Objects;

/**
 * Identifies one client of one instance. The instance comes first so that two instances may use the same client id
 * without ever meeting; Hazelcast partitions on the whole key.
 */
public record ClientKey(String instanceId, String clientId) implements Serializable {
  public ClientKey {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(clientId, "clientId");
  }

  @Override
  public String toString() {
    return instanceId + "/" + clientId;
  }
}
