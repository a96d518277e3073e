package io.tenantmq.mqtt.auth;

import io.tenantmq.control.acl.AclAction;
import io.tenantmq.control.acl.ClientAcl;
import io.tenantmq.control.user.MqttUser;
import io.tenantmq.mqtt.subscription.TopicFilter;
import java.util.Objects;

/**
 * What an accepted connection may do. First the instance's topic ACL rules ({@code acl}, bound to the connection's
 * client id and user name): the first rule that matches allows or denies, and a rule changed while the client is
 * connected applies from its next SUBSCRIBE or PUBLISH. When no rule matches, what was fixed at CONNECT decides:
 * subscribe ({@code read}: an MQTT user's PermRead, an Aliyun R token's resources) and publish, wills included
 * ({@code write}: PermWrite, a W token's resources); a change to the user applies from its next CONNECT.
 */
public record Permissions(TopicScope read, TopicScope write, ClientAcl acl) {

  /** Anonymous loopback clients of an instance that admits them, and AccessKey logins, may do both everywhere. */
  public static final Permissions ALL = new Permissions(TopicScope.ALL, TopicScope.ALL);

  /** A session held without a connection (adopted from a gone node): nothing is published on its behalf. */
  public static final Permissions NONE = new Permissions(TopicScope.NONE, TopicScope.NONE);

  public Permissions {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(write, "write");
    Objects.requireNonNull(acl, "acl");
  }

  /** Without ACL rules. */
  public Permissions(TopicScope read, TopicScope write) {
    this(read, write, ClientAcl.NONE);
  }

  /** These permissions under the instance's rules as they apply to one connection. */
  public Permissions withAcl(ClientAcl rules) {
    return new Permissions(read, write, rules);
  }

  public static Permissions of(MqttUser user) {
    return new Permissions(user.permRead() ? TopicScope.ALL : TopicScope.NONE,
        user.permWrite() ? TopicScope.ALL : TopicScope.NONE);
  }

  /** Whether a SUBSCRIBE to {@code filter} is allowed; a shared one is judged by the filter inside it. */
  public boolean maySubscribe(TopicFilter filter) {
    return switch (acl.decide(AclAction.SUBSCRIBE, filter.filter())) {
      case ALLOW -> true;
      case DENY -> false;
      case NO_MATCH -> read.covers(filter);
    };
  }

  /** Whether a PUBLISH (or the will) to {@code topic}, a valid topic name, is allowed. */
  public boolean mayPublish(String topic) {
    return switch (acl.decide(AclAction.PUBLISH, topic)) {
      case ALLOW -> true;
      case DENY -> false;
      case NO_MATCH -> write.matches(topic);
    };
  }
}
