package io.tenantmq.sdk.emqx;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A message for {@code POST /publish}: to {@code topic}, with a text payload ({@link PayloadEncoding#PLAIN}) or
 * binary bytes sent as base64 ({@link PayloadEncoding#BASE64}). Null options take EMQX's defaults (QoS 0, not retained,
 * plain, no properties).
 */
public record PublishMessage(String topic, String payload, Integer qos, Boolean retain, PayloadEncoding payloadEncoding,
                             MessageProperties properties) {

  /** How {@code payload} is written. */
  public enum PayloadEncoding {
    PLAIN, BASE64;

    /** As the API spells it: {@code plain}, {@code base64}. */
    @JsonValue
    public String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public PublishMessage {
    if (topic == null || topic.isEmpty()) {
      throw new IllegalArgumentException("topic must not be empty");
    }
    if (payload == null) {
      throw new IllegalArgumentException("payload must not be null (send \"\" for an empty message)");
    }
    if (qos != null && (qos < 0 || qos > 2)) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
    }
  }

  /** A text message. */
  public static PublishMessage text(String topic, String payload, int qos) {
    return new PublishMessage(topic, payload, qos, null, null, null);
  }

  /** A binary message, sent base64-encoded. */
  public static PublishMessage bytes(String topic, byte[] payload, int qos) {
    return new PublishMessage(topic, Base64.getEncoder().encodeToString(payload), qos, null, PayloadEncoding.BASE64,
        null);
  }

  public PublishMessage retained(boolean retain) {
    return new PublishMessage(topic, payload, qos, retain, payloadEncoding, properties);
  }

  public PublishMessage withProperties(MessageProperties properties) {
    return new PublishMessage(topic, payload, qos, retain, payloadEncoding, properties);
  }

  /** The payload's bytes as the broker will deliver them. */
  public byte[] payloadBytes() {
    return payloadEncoding == PayloadEncoding.BASE64 ? Base64.getDecoder().decode(payload)
        : payload.getBytes(StandardCharsets.UTF_8);
  }
}
