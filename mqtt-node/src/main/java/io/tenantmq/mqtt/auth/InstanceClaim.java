package io.tenantmq.mqtt.auth;

import java.util.Objects;

/**
 * The instance a CONNECT says it belongs to and the user name to check there, before anything is verified.
 *
 * @param username the MQTT user's name within the instance (without any {@code @instanceId}); null for anonymous
 */
public record InstanceClaim(String instanceId, String username) {
  public InstanceClaim {
    Objects.requireNonNull(instanceId, "instanceId");
  }
}
