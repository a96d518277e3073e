package io.tenantmq.mqtt.subscription;

/** Validation of PUBLISH topic names [MQTT-4.7]. */
public final class TopicName {

  private TopicName() {
  }

  /**
   * Null when {@code topic} may be published to, otherwise why not. The decoder already turns bytes into a String;
   * invalid UTF-8 arrives as U+FFFD, which is rejected here along with U+0000 [MQTT-1.5.4-1, -2].
   */
  public static String invalidReason(String topic) {
    if (topic == null || topic.isEmpty()) {
      return "empty topic name";
    }
    for (int i = 0; i < topic.length(); i++) {
      char c = topic.charAt(i);
      if (c == '+' || c == '#') {
        return "wildcard in topic name";
      }
      if (c == 0 || c == '\uFFFD') {
        return "invalid UTF-8 in topic name";
      }
    }
    return null;
  }

  /** Splits a topic name into its levels; "a//b" has an empty middle level. */
  public static String[] levels(String topic) {
    return topic.split("/", -1);
  }
}
