package io.tenantmq.mqtt.auth;

import io.tenantmq.control.user.MqttUser;
import io.tenantmq.mqtt.subscription.TopicFilter;
import java.util.Objects;

/**
 * What an accepted connection may do, fixed at CONNECT: subscribe ({@code read}: an MQTT user's PermRead, an Aliyun
 * R token's resources) and publish, wills included ({@code write}: PermWrite, a W token's resources). A change to the
 * user applies from its next CONNECT.
 */
public record Permissions(TopicScope read, TopicScope write) {

  /** Anonymous loopback clients of an instance that admits them, and AccessKey logins, may do both everywhere. */
  public static final Permissions ALL = new Permissions(TopicScope.ALL, TopicScope.ALL);

  /** A session held without a connection (adopted from a gone node): nothing is published on its behalf. */
  public static final Permissions NONE = new Permissions(TopicScope.NONE, TopicScope.NONE);

  public Permissions {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(write, "write");
  }

  public static Permissions of(MqttUser user) {
    return new Permissions(user.permRead() ? TopicScope.ALL : TopicScope.NONE,
        user.permWrite() ? TopicScope.ALL : TopicScope.NONE);
  }

  /** Whether a SUBSCRIBE to {@code filter} is allowed. */
  public boolean maySubscribe(TopicFilter filter) {
    return read.covers(filter);
  }

  /** Whether a PUBLISH (or the will) to {@code topic}, a valid topic name, is allowed. */
  public boolean mayPublish(String topic) {
    return write.matches(topic);
  }
}
