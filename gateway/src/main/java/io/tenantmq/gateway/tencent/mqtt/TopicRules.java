package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;

/**
 * The MQTT syntax of topic names and filters [MQTT-4.7], checked at the edge so that a bad one is an
 * {@code InvalidParameterValue} and not a command that fails on the owning node (which checks again).
 */
final class TopicRules {

  /** An MQTT string is at most 65535 bytes; a topic of that many chars is a safe bound. */
  static final int MAX_LENGTH = 65_535;
  static final String SHARE_PREFIX = "$share/";

  private TopicRules() {
  }

  /** The required topic name parameter {@code name}, checked. */
  static String name(Params params, String name) {
    String topic = params.requiredString(name);
    return checked(name, topic, nameProblem(topic));
  }

  /** The required topic filter parameter {@code name}, checked. */
  static String filter(Params params, String name) {
    String filter = params.requiredString(name);
    return checked(name, filter, filterProblem(filter));
  }

  /** Why {@code topic} is not a topic name one may publish to ("must …"), or null when it is one. */
  static String nameProblem(String topic) {
    String common = commonProblem(topic);
    if (common != null) {
      return common;
    }
    return topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0 ? "must not contain the wildcards '+' or '#'" : null;
  }

  /** Why {@code filter} is not a topic filter ("must …"), or null when it is one. */
  static String filterProblem(String filter) {
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

  private static String checked(String parameter, String value, String problem) {
    if (problem != null) {
      throw TencentErrors.invalidParameterValue(parameter, problem);
    }
    return value;
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
