/**
 * Topic ACL rules of an instance, on top of its MQTT users' PermRead/PermWrite: an ordered list of allow/deny rules
 * for publish, subscribe or both, on topic filters that may name the client ({@code ${clientid}},
 * {@code ${username}}), each for every client, one user name or one client id. The first rule that matches decides;
 * when none does, the connection's own permissions do. Brokers answer from a member-local copy kept current by an
 * entry listener, so a change reaches connected clients' next SUBSCRIBE or PUBLISH without a call per packet.
 */
package io.tenantmq.control.acl;
