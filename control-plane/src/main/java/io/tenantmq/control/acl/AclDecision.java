package io.tenantmq.control.acl;

/** What an instance's rules say about one PUBLISH or SUBSCRIBE. */
public enum AclDecision {
  ALLOW, DENY,
  /** No rule matched: the connection's own permissions (PermRead/PermWrite, token scopes) decide. */
  NO_MATCH
}
