package io.tenantmq.mqtt.auth;

import io.tenantmq.control.user.MqttUser;

/**
 * What an accepted connection may do, fixed at CONNECT: subscribe ({@code read}, an MQTT user's PermRead) and publish,
 * wills included ({@code write}, PermWrite). A change to the user applies from its next CONNECT.
 */
public record Permissions(boolean read, boolean write) {

  /** Anonymous loopback clients of an instance that admits them may do both. */
  public static final Permissions ALL = new Permissions(true, true);

  /** A session held without a connection (adopted from a gone node): nothing is published on its behalf. */
  public static final Permissions NONE = new Permissions(false, false);

  public static Permissions of(MqttUser user) {
    return new Permissions(user.permRead(), user.permWrite());
  }
}
