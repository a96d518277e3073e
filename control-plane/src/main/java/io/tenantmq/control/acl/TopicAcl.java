package io.tenantmq.control.acl;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The topic ACL rules of every instance, shared by the cluster and kept with the durable state. Changes replace or
 * edit an instance's list atomically; stages complete off the caller's thread.
 */
public interface TopicAcl {

  /** The rules of one instance in order (empty when it has none). */
  CompletionStage<List<AclRule>> rules(String instanceId);

  /** Replaces the rules of one instance; an empty list removes them. */
  CompletionStage<Void> replace(String instanceId, List<AclRule> rules);

  /**
   * Inserts {@code rule} at {@code position} (0 = first; null = last); refused, changing nothing, when the
   * position is beyond the end or the instance already has {@link InstanceAcl#MAX_RULES} rules.
   */
  CompletionStage<AclChange> add(String instanceId, AclRule rule, Integer position);

  /** Removes the rule at {@code position}; refused, changing nothing, when there is no such rule. */
  CompletionStage<AclChange> remove(String instanceId, int position);

  /**
   * Replaces the rules of one group, those for every client ({@code username} and {@code clientId} null), for one
   * user name or for one client id (EMQX's built-in database's three kinds), keeping every other rule where it is.
   * The group's new rules go where its first old one was; a group new to the list goes where EMQX would check it:
   * client-id rules first, then user-name rules, then rules for every client. Every rule of {@code rules} must be of
   * the group. Refused, changing nothing, beyond {@link InstanceAcl#MAX_RULES}.
   */
  CompletionStage<AclChange> replaceGroup(String instanceId, String username, String clientId, List<AclRule> rules);

  /** Removes every rule of an instance (the instance is being deleted); returns whether it had any. */
  CompletionStage<Boolean> deleteAll(String instanceId);

  /** The rules of {@code instanceId} as they apply to one connection, answered from this member's copy. */
  ClientAcl forClient(String instanceId, String clientId, String username);
}
