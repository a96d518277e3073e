package io.tenantmq.control.acl;

/**
 * The rules of a connection's instance as they apply to that connection (its client id and user name bound in).
 * Answers from the member's current copy of the rules, in memory and without blocking: brokers ask it at every
 * SUBSCRIBE and PUBLISH, and a rule changed anywhere in the cluster applies from the next packet that reaches this
 * member after the change's entry event.
 */
@FunctionalInterface
public interface ClientAcl {

  /** No rules at all: every check is {@link AclDecision#NO_MATCH}. */
  ClientAcl NONE = (action, subject) -> AclDecision.NO_MATCH;

  /**
   * @param action  {@link AclAction#PUBLISH} or {@link AclAction#SUBSCRIBE}
   * @param subject a topic name to publish to, or the filter subscribed to (without {@code $share/{group}/})
   */
  AclDecision decide(AclAction action, String subject);
}
