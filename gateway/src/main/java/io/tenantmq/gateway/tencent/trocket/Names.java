package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.gateway.tencent.TencentErrors;
import java.util.regex.Pattern;

/** What names the trocket actions accept for users, topics and instances. */
final class Names {

  /** No {@code @}: a username {@code user@instanceId} names the instance at CONNECT. */
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final int MAX_TOPIC_CHARS = 128;
  private static final int MAX_NAME_CHARS = 128;

  private Names() {
  }

  static String username(String parameter, String value) {
    if (!USERNAME.matcher(value).matches()) {
      throw TencentErrors.invalidParameterValue(parameter, "must be 1 to 64 letters, digits, '_', '.' or '-'");
    }
    return value;
  }

  /** A topic name as MQTT publishes to it: no wildcards, no NUL, 1 to 128 characters. */
  static String topic(String parameter, String value) {
    if (value.isEmpty() || value.length() > MAX_TOPIC_CHARS || value.indexOf('+') >= 0 || value.indexOf('#') >= 0
        || value.indexOf('\u0000') >= 0) {
      throw TencentErrors.invalidParameterValue(parameter,
          "must be an MQTT topic name of 1 to " + MAX_TOPIC_CHARS + " characters without wildcards");
    }
    return value;
  }

  static String instanceName(String parameter, String value) {
    if (value.isBlank() || value.length() > MAX_NAME_CHARS) {
      throw TencentErrors.invalidParameterValue(parameter, "must be 1 to " + MAX_NAME_CHARS + " characters");
    }
    return value;
  }
}
