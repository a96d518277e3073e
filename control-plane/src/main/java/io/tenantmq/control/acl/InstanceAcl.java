package io.tenantmq.control.acl;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The ordered rules of one instance, what the map {@code tenantmq.acl} keeps per instance id: the whole list is one
 * value, so that a replacement is atomic and the order is the list's.
 */
public record InstanceAcl(String instanceId, List<AclRule> rules, long modifiedAtMillis) implements Serializable {

  /** The most rules one instance may have (EMQX's built-in database allows 100 per client or user by default). */
  public static final int MAX_RULES = 100;

  public InstanceAcl {
    Objects.requireNonNull(instanceId, "instanceId");
    rules = List.copyOf(rules);
    if (rules.size() > MAX_RULES) {
      throw new IllegalArgumentException("an instance has at most " + MAX_RULES + " rules, " + rules.size() + " given");
    }
  }
}
