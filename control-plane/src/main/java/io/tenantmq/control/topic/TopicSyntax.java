package io.tenantmq.control.topic;

/**
 * The MQTT syntax of topic names and filters [MQTT-4.7], for checks at the edge (so that a bad topic is an error in
 * the dialect's envelope, not a command that fails on the owning node, which checks again) and for the management
 * APIs' topic filters over listed subscriptions. Pure functions.
 */
public final class TopicSyntax {

  /** An MQTT string is at most 65535 bytes; a topic of that many chars is a safe bound. */
  public static final int MAX_LENGTH = 65_535;
  public static final String SHARE_PREFIX = "$share/";

  private TopicSyntax() {
  }

  /** Why {@code topic} is not a topic name one may publish to ("must …"), or null when it is one. */
  public static String nameProblem(String topic) {
    String common = commonProblem(topic);
    if (common != null) {
      return common;
    }
    return topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0 ? "must not contain the wildcards '+' or '#'" : null;
  }

  /** Why {@code filter} is not a topic filter ("must …"), or null when it is one; {@code $share/g/f} included. */
  public static String filterProblem(String filter) {
    String common = commonProblem(filter);
    if (common != null) {
      return common;
    }
    if (filter.startsWith(SHARE_PREFIX)) {
      int slash = filter.indexOf('/', SHARE_PREFIX.length());
      if (slash <= SHARE_PREFIX.length() || slash == filter.length() - 1) {
        return "must have the form $share/{group}/{filter} when shared";
      }
      String group = filter.substring(SHARE_PREFIX.length(), slash);
      if (group.contains("+") || group.contains("#")) {
        return "must not have wildcards in its share group";
      }
      filter = filter.substring(slash + 1);
    }
    String[] levels = filter.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
        return "must have '#' only as a whole last level";
      }
      if (level.contains("+") && !level.equals("+")) {
        return "must have '+' only as a whole level";
      }
    }
    return null;
  }

  /** Whether {@code filter} is a well-formed shared subscription {@code $share/{group}/{filter}}. */
  public static boolean isShared(String filter) {
    return filter.startsWith(SHARE_PREFIX) && filter.indexOf('/', SHARE_PREFIX.length()) > SHARE_PREFIX.length();
  }

  /** The group of a shared subscription, or null for an ordinary one. */
  public static String shareGroup(String filter) {
    return isShared(filter) ? filter.substring(SHARE_PREFIX.length(), filter.indexOf('/', SHARE_PREFIX.length())) : null;
  }

  /** The filter a shared subscription subscribes to ({@code f} of {@code $share/g/f}); an ordinary one itself. */
  public static String unshared(String filter) {
    return isShared(filter) ? filter.substring(filter.indexOf('/', SHARE_PREFIX.length()) + 1) : filter;
  }

  /**
   * Whether {@code topic} matches {@code filter}, with {@code topic}'s levels taken literally: a subscription
   * {@code a/+} matches the filters {@code a/+} and {@code a/#} but not {@code a/b} (EMQX's {@code emqx_topic:match},
   * which its {@code match_topic} parameter uses). A leading wildcard never matches a {@code $} topic [MQTT-4.7.2-1].
   */
  public static boolean matches(String filter, String topic) {
    if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
      return false;
    }
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return true; // "a/#" also matches "a" [MQTT-4.7.1-2]
      }
      if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
        return false;
      }
    }
    return f.length == t.length;
  }

  private static String commonProblem(String topic) {
    if (topic.isEmpty()) {
      return "must not be empty";
    }
    if (topic.length() > MAX_LENGTH) {
      return "must be at most " + MAX_LENGTH + " characters";
    }
    // U+FFFD is what malformed UTF-8 decodes to; the broker refuses both [MQTT-1.5.4-1, 1.5.4-2]
    return topic.indexOf('\u0000') >= 0 || topic.indexOf('\uFFFD') >= 0 ? "must not contain U+0000 or U+FFFD" : null;
  }
}
