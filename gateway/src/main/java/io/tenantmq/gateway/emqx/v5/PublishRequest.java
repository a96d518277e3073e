package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.command.PublishCommand;
import io.tenantmq.control.command.PublishCommand.PublishProperties;
import io.tenantmq.control.command.PublishCommand.UserProperty;
import io.tenantmq.control.topic.TopicSyntax;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.MessageProperties;
import io.tenantmq.gateway.emqx.RequestBody;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One message of {@code POST /publish} read into a {@link PublishCommand}. A body that fails EMQX's schema (a missing
 * topic or payload, a qos out of 0..2, an unknown payload_encoding, a property of the wrong type) is a 400
 * BAD_REQUEST {@link EmqxException}; a well-typed message EMQX's handler refuses is a {@link Refused} with the MQTT
 * reason code EMQX answers (emqx_mgmt_api_publish.erl, 5.8: invalid topic 0x90, too large 0x97, bad base64 0x83).
 */
final class PublishRequest {

  static final int RC_IMPLEMENTATION_SPECIFIC_ERROR = 0x83;
  static final int RC_TOPIC_NAME_INVALID = 0x90;
  static final int RC_QUOTA_EXCEEDED = 0x97;

  private PublishRequest() {
  }

  /**
   * The command for {@code body} in {@code instanceId}.
   *
   * @param maxMessageBytes the largest message (topic, payload and properties) a subscriber could be sent
   */
  static PublishCommand read(JsonObject body, String instanceId, int maxMessageBytes) {
    String topic = RequestBody.text(body, "topic");
    String payloadText = RequestBody.text(body, "payload");
    int qos = RequestBody.integer(body, "qos", 0, 0, 2);
    boolean retain = RequestBody.bool(body, "retain", false);
    Object encoding = body.getValue("payload_encoding", "plain");
    PublishProperties properties = MessageProperties.read(body.getValue("properties"));
    byte[] payload = switch (String.valueOf(encoding)) {
      case "plain" -> payloadText.getBytes(StandardCharsets.UTF_8);
      case "base64" -> base64(payloadText);
      default -> throw EmqxException.badRequest("payload_encoding: expected plain or base64, got: " + encoding);
    };
    if (TopicSyntax.nameProblem(topic) != null || topic.startsWith(TopicSyntax.SHARE_PREFIX)) {
      throw new Refused(RC_TOPIC_NAME_INVALID, "topic_name_invalid");
    }
    if (size(topic, payload, properties) > maxMessageBytes) {
      // EMQX: 0x95 packet too large is no PUBACK reason code, so it answers quota exceeded
      throw new Refused(RC_QUOTA_EXCEEDED, "packet_too_large");
    }
    return new PublishCommand(instanceId, topic, payload, qos, retain, properties);
  }

  private static byte[] base64(String text) {
    try {
      return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      // EMQX prints the Erlang term {decode_base64_payload_failed, Payload}
      throw new Refused(RC_IMPLEMENTATION_SPECIFIC_ERROR, "{decode_base64_payload_failed,<<\""
          + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\">>}");
    }
  }

  /** What the message weighs on the wire, near enough: topic, payload and the text of its properties. */
  private static long size(String topic, byte[] payload, PublishProperties p) {
    long size = topic.getBytes(StandardCharsets.UTF_8).length + (long) payload.length;
    size += utf8(p.contentType()) + utf8(p.responseTopic()) + (p.correlationData() == null ? 0 : p.correlationData().length);
    for (UserProperty u : p.userProperties()) {
      size += utf8(u.key()) + utf8(u.value());
    }
    return size;
  }

  private static int utf8(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** A message EMQX's handler refuses: 400 {@code {"reason_code", "message"}}. */
  static final class Refused extends RuntimeException {
    private final int reasonCode;

    Refused(int reasonCode, String message) {
      super(message, null, false, false);
      this.reasonCode = reasonCode;
    }

    JsonObject body() {
      return new JsonObject().put("reason_code", reasonCode).put("message", getMessage());
    }
  }
}
