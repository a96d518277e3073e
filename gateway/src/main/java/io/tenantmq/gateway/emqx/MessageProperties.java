package io.tenantmq.gateway.emqx;

import io.tenantmq.control.command.PublishCommand.PublishProperties;
import io.tenantmq.control.command.PublishCommand.UserProperty;
import io.tenantmq.control.topic.TopicSyntax;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The MQTT 5 properties of a message published through the API, as EMQX names them in both versions' publish
 * ({@code payload_format_indicator, message_expiry_interval, response_topic, correlation_data, user_properties,
 * content_type}). A value of the wrong type is a 400 BAD_REQUEST {@link EmqxException}.
 */
public final class MessageProperties {

  private static final long MAX_UNSIGNED_INT = 0xFFFF_FFFFL;

  private MessageProperties() {
  }

  /** The {@code properties} object of a publish; {@link PublishProperties#NONE} when null. */
  public static PublishProperties read(Object value) {
    if (value == null) {
      return PublishProperties.NONE;
    }
    if (!(value instanceof JsonObject p)) {
      throw EmqxException.badRequest("properties: expected an object, got: " + value);
    }
    Integer formatIndicator = p.containsKey("payload_format_indicator")
        ? RequestBody.integer(p, "payload_format_indicator", 0, 0, 1) : null;
    Long expiry = null;
    Object expiryValue = p.getValue("message_expiry_interval");
    if (expiryValue != null) {
      if (!(expiryValue instanceof Integer || expiryValue instanceof Long)
          || ((Number) expiryValue).longValue() < 0 || ((Number) expiryValue).longValue() > MAX_UNSIGNED_INT) {
        throw EmqxException.badRequest("message_expiry_interval: expected an integer in 0.." + MAX_UNSIGNED_INT
            + ", got: " + expiryValue);
      }
      expiry = ((Number) expiryValue).longValue();
    }
    String responseTopic = optionalText(p, "response_topic");
    if (responseTopic != null && TopicSyntax.nameProblem(responseTopic) != null) {
      // a subscriber's client would take a response topic with wildcards for a malformed packet
      throw EmqxException.badRequest("response_topic: " + TopicSyntax.nameProblem(responseTopic));
    }
    String correlation = optionalText(p, "correlation_data");
    return new PublishProperties(formatIndicator, expiry, optionalText(p, "content_type"), responseTopic,
        correlation == null ? null : correlation.getBytes(StandardCharsets.UTF_8),
        userProperties(p.getValue("user_properties")));
  }

  /** A {@code user_properties} object of names to values (text, numbers or booleans); none when null. */
  public static List<UserProperty> userProperties(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonObject map)) {
      throw EmqxException.badRequest("user_properties: expected an object of names to values, got: " + value);
    }
    List<UserProperty> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : map) {
      Object v = e.getValue();
      if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
        throw EmqxException.badRequest("user_properties." + e.getKey() + ": expected a string, got: " + v);
      }
      out.add(new UserProperty(e.getKey(), String.valueOf(v)));
    }
    return out;
  }

  private static String optionalText(JsonObject p, String field) {
    return p.getValue(field) == null ? null : RequestBody.text(p, field);
  }
}
