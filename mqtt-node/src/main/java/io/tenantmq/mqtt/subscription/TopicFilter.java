package io.tenantmq.mqtt.subscription;

import java.util.Objects;

/**
 * A topic filter parsed once: its levels and, for {@code $share/{group}/{filter}}, the share group.
 *
 * @param text   the filter as the client sent it, the subscription's identity
 * @param group  the share group, or null for an ordinary subscription
 * @param levels the levels of the filter proper (without {@code $share/{group}/})
 */
public record TopicFilter(String text, String group, String[] levels) {

  public static final String SHARE_PREFIX = "$share/";

  public TopicFilter {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(levels, "levels");
  }

  public boolean shared() {
    return group != null;
  }

  /** The filter without the {@code $share/{group}/} prefix. */
  public String filter() {
    return group == null ? text : text.substring(SHARE_PREFIX.length() + group.length() + 1);
  }

  /** Parses a filter, or throws {@link IllegalArgumentException} saying what is wrong with it [MQTT-4.7.1]. */
  public static TopicFilter parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("empty topic filter");
    }
    String group = null;
    String filter = text;
    if (text.startsWith(SHARE_PREFIX)) {
      int slash = text.indexOf('/', SHARE_PREFIX.length());
      if (slash < 0 || slash == SHARE_PREFIX.length() || slash == text.length() - 1) {
        throw new IllegalArgumentException("shared subscription must be $share/{group}/{filter}");
      }
      group = text.substring(SHARE_PREFIX.length(), slash);
      if (group.indexOf('+') >= 0 || group.indexOf('#') >= 0) {
        throw new IllegalArgumentException("share group must not contain wildcards");
      }
      filter = text.substring(slash + 1);
    }
    String[] levels = filter.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      for (int c = 0; c < level.length(); c++) {
        char ch = level.charAt(c);
        if (ch == 0 || ch == '\uFFFD') {
          throw new IllegalArgumentException("invalid UTF-8 in topic filter");
        }
      }
      if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
        throw new IllegalArgumentException("'#' must be the last level and alone in it");
      }
      if (level.contains("+") && !level.equals("+")) {
        throw new IllegalArgumentException("'+' must occupy a whole level");
      }
    }
    return new TopicFilter(text, group, levels);
  }

  /** Whether the filter contains {@code +} or {@code #}. */
  public boolean wildcard() {
    for (String level : levels) {
      if (level.equals("+") || level.equals("#")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches one topic name against this filter, without a trie (retained messages, a token's write scope) and without
   * splitting the name: no allocation, as it runs on every PUBLISH of a token login.
   */
  public boolean matches(String topic) {
    if (topic.startsWith("$") && isWildcard(levels[0])) {
      return false; // [MQTT-4.7.2-1]
    }
    int start = 0;
    for (String level : levels) {
      if (level.equals("#")) {
        return true;
      }
      if (start > topic.length()) {
        return false; // the topic has fewer levels
      }
      int end = topic.indexOf('/', start);
      if (end < 0) {
        end = topic.length();
      }
      if (!level.equals("+")
          && (level.length() != end - start || !topic.regionMatches(start, level, 0, level.length()))) {
        return false;
      }
      start = end + 1;
    }
    return start == topic.length() + 1; // every level of the topic was matched
  }

  /**
   * Whether every topic {@code narrower} matches is matched by this filter too: equal or narrower, e.g. {@code a/#}
   * covers {@code a/b/+} and {@code a}, {@code a/+} covers {@code a/b} but not {@code a/#}. Share groups are ignored
   * (the filter proper decides what is received); a leading wildcard covers no {@code $} topic [MQTT-4.7.2-1].
   */
  public boolean covers(TopicFilter narrower) {
    String[] other = narrower.levels;
    if (isWildcard(levels[0]) && other[0].startsWith("$")) {
      return false;
    }
    for (int i = 0; i < other.length; i++) {
      if (i >= levels.length) {
        return false;
      }
      String mine = levels[i];
      if (mine.equals("#")) {
        return true;
      }
      String theirs = other[i];
      // '#' is covered only by '#'; '+' by '+' (or an earlier '#'); a name by '+' or itself
      if (theirs.equals("#") || (theirs.equals("+") && !mine.equals("+"))
          || (!mine.equals("+") && !mine.equals(theirs))) {
        return false;
      }
    }
    // "a/#" also matches "a" [MQTT-4.7.1-2]
    return levels.length == other.length || (levels.length == other.length + 1 && levels[other.length].equals("#"));
  }

  private static boolean isWildcard(String level) {
    return level.equals("+") || level.equals("#");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopicFilter other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
