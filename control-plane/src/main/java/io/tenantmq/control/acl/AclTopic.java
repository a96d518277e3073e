package io.tenantmq.control.acl;

import io.tenantmq.control.topic.TopicSyntax;

/**
 * The topic of a rule, compiled. Matching follows EMQX 5's {@code emqx_authz_rule:match_topic}:
 * <ul>
 *   <li>A PUBLISH's topic name matches as in MQTT: {@code +} one level, {@code #} the rest (the parent level
 *       included).</li>
 *   <li>A SUBSCRIBE's filter is matched level by level with its own wildcards taken literally
 *       ({@code emqx_topic:match} on words): a rule {@code a/#} or {@code a/+} matches the subscription {@code a/+},
 *       a rule {@code a/b} does not (the subscription reaches more than {@code a/b}), and since a rule's {@code +}
 *       matches any one level, a rule {@code a/+} also matches the subscription {@code a/#}, as in EMQX. A shared
 *       subscription is matched by the filter inside {@code $share/{group}/}.</li>
 *   <li>{@code eq <filter>} matches only that exact text (a rule {@code eq a/#} matches the subscription {@code a/#}
 *       and nothing else); placeholders are not substituted in it.</li>
 *   <li>{@code ${clientid}} and {@code ${username}} are substituted per connection, within their level. A value that
 *       is absent (an anonymous client has no user name), empty, or contains {@code /}, {@code +} or {@code #} never
 *       matches: a client id must not widen a rule into a wildcard (EMQX would substitute it as it is).</li>
 *   <li>As in EMQX's ACL, a leading {@code #} or {@code +} of a rule also matches {@code $} topics: a rule
 *       {@code deny all #} denies everything.</li>
 * </ul>
 */
final class AclTopic {

  static final String EQ_PREFIX = "eq ";
  static final String CLIENTID = "${clientid}";
  static final String USERNAME = "${username}";

  /** The {@code eq} filter; null for a pattern. */
  private final String exact;
  private final String[] levels;
  private final boolean[] templated;

  private AclTopic(String exact, String[] levels, boolean[] templated) {
    this.exact = exact;
    this.levels = levels;
    this.templated = templated;
  }

  /** Compiles {@code topic}; throws {@link IllegalArgumentException} that says what is wrong with it. */
  static AclTopic parse(String topic) {
    if (topic.startsWith(EQ_PREFIX)) {
      String filter = topic.substring(EQ_PREFIX.length());
      checkFilter(topic, filter);
      return new AclTopic(filter, null, null);
    }
    int at = topic.indexOf("${");
    while (at >= 0) {
      if (!topic.startsWith(CLIENTID, at) && !topic.startsWith(USERNAME, at)) {
        int end = topic.indexOf('}', at);
        throw new IllegalArgumentException("topic " + AclRule.quoted(topic) + " has an unknown placeholder "
            + AclRule.quoted(end < 0 ? topic.substring(at) : topic.substring(at, end + 1))
            + "; the known ones are ${clientid} and ${username}");
      }
      at = topic.indexOf("${", at + 2);
    }
    // a placeholder stands for one literal piece of a level: checked as if it were one
    checkFilter(topic, topic.replace(CLIENTID, "x").replace(USERNAME, "x"));
    String[] levels = topic.split("/", -1);
    boolean[] templated = new boolean[levels.length];
    for (int i = 0; i < levels.length; i++) {
      templated[i] = levels[i].contains(CLIENTID) || levels[i].contains(USERNAME);
    }
    return new AclTopic(null, levels, templated);
  }

  private static void checkFilter(String topic, String filter) {
    String problem = TopicSyntax.filterProblem(filter);
    if (problem != null) {
      throw new IllegalArgumentException("topic " + AclRule.quoted(topic) + " is not a valid topic filter: it " + problem);
    }
    if (filter.startsWith(TopicSyntax.SHARE_PREFIX)) {
      throw new IllegalArgumentException("topic " + AclRule.quoted(topic)
          + " must not be a shared subscription: a rule matches the filter inside $share/{group}/");
    }
  }

  /**
   * Whether the rule's topic matches {@code subject} (a topic name, or a subscription's filter without its share
   * prefix), already split into {@code subjectLevels}, for a connection with these names.
   */
  boolean matches(String subject, String[] subjectLevels, String clientId, String username) {
    if (exact != null) {
      return exact.equals(subject);
    }
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      if (!templated[i] && level.equals("#")) {
        return true;
      }
      if (i >= subjectLevels.length) {
        return false;
      }
      if (templated[i]) {
        String rendered = render(level, clientId, username);
        if (rendered == null || !rendered.equals(subjectLevels[i])) {
          return false;
        }
      } else if (!level.equals("+") && !level.equals(subjectLevels[i])) {
        return false;
      }
    }
    return subjectLevels.length == levels.length;
  }

  /** The level with the connection's names in it, in one pass; null when one it needs is unusable. */
  private static String render(String level, String clientId, String username) {
    StringBuilder out = new StringBuilder(level.length() + 16);
    int i = 0;
    while (i < level.length()) {
      String value = level.startsWith(CLIENTID, i) ? clientId : level.startsWith(USERNAME, i) ? username : null;
      if (value == null && !level.startsWith("${", i)) {
        out.append(level.charAt(i++));
        continue;
      }
      if (!usable(value)) {
        return null;
      }
      out.append(value);
      i += level.startsWith(CLIENTID, i) ? CLIENTID.length() : USERNAME.length();
    }
    return out.toString();
  }

  private static boolean usable(String value) {
    return value != null && !value.isEmpty() && value.indexOf('/') < 0 && value.indexOf('+') < 0
        && value.indexOf('#') < 0;
  }
}
