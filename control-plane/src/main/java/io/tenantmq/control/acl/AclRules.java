package io.tenantmq.control.acl;

import java.util.List;

/** The rules of one instance compiled for matching; immutable, so that checks read it without locks. */
final class AclRules {

  private record Compiled(AclRule rule, AclTopic topic) {
  }

  private final List<Compiled> rules;

  private AclRules(List<Compiled> rules) {
    this.rules = rules;
  }

  static AclRules of(InstanceAcl acl) {
    return new AclRules(acl.rules().stream().map(r -> new Compiled(r, AclTopic.parse(r.topic()))).toList());
  }

  /**
   * What the first rule that matches says about {@code action} on {@code subject} (a topic name, or a subscription's
   * filter without its share prefix) for a connection with these names.
   */
  AclDecision decide(AclAction action, String subject, String clientId, String username) {
    String[] levels = null;
    for (Compiled c : rules) {
      if (!c.rule().action().covers(action) || !c.rule().appliesTo(clientId, username)) {
        continue;
      }
      if (levels == null) {
        levels = subject.split("/", -1);
      }
      if (c.topic().matches(subject, levels, clientId, username)) {
        return c.rule().permission() == AclPermission.ALLOW ? AclDecision.ALLOW : AclDecision.DENY;
      }
    }
    return AclDecision.NO_MATCH;
  }
}
