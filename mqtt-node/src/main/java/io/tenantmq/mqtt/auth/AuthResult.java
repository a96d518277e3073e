package io.tenantmq.mqtt.auth;

import io.tenantmq.control.tenant.Instance;
import io.tenantmq.mqtt.codes.ConnectRefusal;

/**
 * The outcome of authenticating a CONNECT: the instance it belongs to, the MQTT user (null: anonymous) and what the
 * connection may do, or why it is refused.
 *
 * @param claimedInstanceId the instance the CONNECT named (or the listener's default), accepted or not; null when it
 *                          named none. Only for counting a refusal: it is the client's claim, not a fact.
 * @param tokens            the Aliyun tokens an accepted Token-mode login rests on; null for every other login
 */
public record AuthResult(Instance instance, String username, Permissions permissions, ConnectRefusal refusal,
                         String claimedInstanceId, TokenGrant tokens) {

  public static AuthResult accepted(Instance instance, String username, Permissions permissions) {
    return accepted(instance, username, permissions, null);
  }

  public static AuthResult accepted(Instance instance, String username, Permissions permissions, TokenGrant tokens) {
    return new AuthResult(instance, username, permissions, null, instance.instanceId(), tokens);
  }

  public static AuthResult refused(ConnectRefusal refusal) {
    return refused(refusal, null);
  }

  public static AuthResult refused(ConnectRefusal refusal, String claimedInstanceId) {
    return new AuthResult(null, null, null, refusal, claimedInstanceId, null);
  }

  public boolean isAccepted() {
    return refusal == null;
  }
}
