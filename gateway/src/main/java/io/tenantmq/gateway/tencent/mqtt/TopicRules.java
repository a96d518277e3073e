package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.topic.TopicSyntax;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;

/**
 * The MQTT syntax of topic names and filters [MQTT-4.7], checked at the edge so that a bad one is an
 * {@code InvalidParameterValue} and not a command that fails on the owning node (which checks again).
 */
final class TopicRules {

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
    return TopicSyntax.nameProblem(topic);
  }

  /** Why {@code filter} is not a topic filter ("must …"), or null when it is one. */
  static String filterProblem(String filter) {
    return TopicSyntax.filterProblem(filter);
  }

  private static String checked(String parameter, String value, String problem) {
    if (problem != null) {
      throw TencentErrors.invalidParameterValue(parameter, problem);
    }
    return value;
  }
}
