package io.tenantmq.control.user;

import java.io.Serializable;
import java.util.Objects;

/** One MQTT user of one instance; the instance first, so two instances may have the same user name. */
public record UserKey(String instanceId, String username) implements Serializable {
  public UserKey {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(username, "username");
  }
}
