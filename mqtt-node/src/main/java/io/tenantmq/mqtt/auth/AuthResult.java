package io.tenantmq.mqtt.auth;

import io.tenantmq.control.tenant.Instance;
import io.tenantmq.mqtt.codes.ConnectRefusal;

/**
 * The outcome of authenticating a CONNECT: the instance it belongs to, the MQTT user (null: anonymous) and what the
 * connection may do, or why it is refused.
 */
public record AuthResult(Instance instance, String username, Permissions permissions, ConnectRefusal refusal) {

  public static AuthResult accepted(Instance instance, String username, Permissions permissions) {
    return new AuthResult(instance, username, permissions, null);
  }

  public static AuthResult refused(ConnectRefusal refusal) {
    return new AuthResult(null, null, null, refusal);
  }

  public boolean isAccepted() {
    return refusal == null;
  }
}
