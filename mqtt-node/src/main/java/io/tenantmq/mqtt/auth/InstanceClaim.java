package io.tenantmq.mqtt.auth;

import io.tenantmq.signing.aliyun.AliyunUsername;
import java.util.Objects;

/**
 * The instance a CONNECT says it belongs to and the user name to check there, before anything is verified.
 *
 * @param username     the MQTT user's name within the instance (without any {@code @instanceId}); null for anonymous;
 *                     for an Aliyun login the whole user name as sent
 * @param aliyun       the parsed {@code Signature|…} or {@code Token|…} user name, or null when it is not one
 * @param contradicted true when the TLS SNI host name names {@code instanceId} but the username names another
 *                     instance: refused as bad credentials whatever the password
 */
public record InstanceClaim(String instanceId, String username, AliyunUsername aliyun, boolean contradicted) {
  public InstanceClaim {
    Objects.requireNonNull(instanceId, "instanceId");
  }

  public InstanceClaim(String instanceId, String username, AliyunUsername aliyun) {
    this(instanceId, username, aliyun, false);
  }

  /** The claim of an MQTT user (or of an anonymous client). */
  public InstanceClaim(String instanceId, String username) {
    this(instanceId, username, null, false);
  }

  /** The SNI host name names {@code sniInstanceId}, the username another instance. */
  static InstanceClaim contradicted(String sniInstanceId, String username) {
    return new InstanceClaim(sniInstanceId, username, null, true);
  }
}
