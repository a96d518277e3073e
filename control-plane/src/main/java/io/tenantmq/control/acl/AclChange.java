package io.tenantmq.control.acl;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of adding or removing one rule: the instance's rules after it, or why nothing changed.
 *
 * @param rules   the rules after the change; null when refused
 * @param refusal what was wrong with the request; null when done
 */
public record AclChange(List<AclRule> rules, String refusal) implements Serializable {

  static AclChange done(List<AclRule> rules) {
    return new AclChange(List.copyOf(rules), null);
  }

  static AclChange refused(String why) {
    return new AclChange(null, why);
  }

  public boolean done() {
    return refusal == null;
  }
}
