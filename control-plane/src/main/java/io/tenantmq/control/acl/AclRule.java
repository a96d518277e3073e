package io.tenantmq.control.acl;

import java.io.Serializable;
import java.util.Objects;

/**
 * One topic ACL rule: {@code permission} for {@code action} on the topics {@code topic} matches (see
 * {@link AclTopic}), for every client of the instance, or only for the user {@code username}, or only for the client
 * {@code clientId} (at most one of the two; EMQX's built-in database has the same three kinds). The constructor
 * validates everything and throws {@link IllegalArgumentException} with a message fit for an API's error.
 */
public record AclRule(AclPermission permission, AclAction action, String topic, String username, String clientId)
    implements Serializable {

  /** Longest user name or client id a rule may name: longer ones exist in no broker we mimic. */
  public static final int MAX_WHO_LENGTH = 256;

  public AclRule {
    if (permission == null) {
      throw new IllegalArgumentException("permission is required (allow or deny)");
    }
    if (action == null) {
      throw new IllegalArgumentException("action is required (publish, subscribe or all)");
    }
    if (topic == null) {
      throw new IllegalArgumentException("topic is required");
    }
    AclTopic.parse(topic); // throws on a bad filter or placeholder
    if (username != null && clientId != null) {
      throw new IllegalArgumentException("a rule names a username or a clientid, not both");
    }
    checkWho("username", username);
    checkWho("clientid", clientId);
  }

  /** A rule for every client of the instance. */
  public static AclRule forAll(AclPermission permission, AclAction action, String topic) {
    return new AclRule(permission, action, topic, null, null);
  }

  /**
   * Whether this rule is for exactly this who: every client (both null), one user name or one client id. EMQX's
   * built-in database keeps its rules in these groups.
   */
  public boolean isFor(String whoUsername, String whoClientId) {
    return Objects.equals(username, whoUsername) && Objects.equals(clientId, whoClientId);
  }

  /** Whether this rule is about a connection with these names (EMQX's {@code match_who}). */
  boolean appliesTo(String clientIdOfConnection, String usernameOfConnection) {
    if (username != null) {
      return username.equals(usernameOfConnection); // an anonymous connection has no user name: never
    }
    return clientId == null || clientId.equals(clientIdOfConnection);
  }

  private static void checkWho(String field, String value) {
    if (value == null) {
      return;
    }
    if (value.isEmpty() || value.length() > MAX_WHO_LENGTH) {
      throw new IllegalArgumentException(field + " must be 1 to " + MAX_WHO_LENGTH + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(field + " must not contain control characters");
    }
  }

  /** Echoes a rejected value, cut short. */
  static String quoted(String value) {
    if (value == null) {
      return "missing";
    }
    return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
  }
}
