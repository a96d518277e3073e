package io.tenantmq.gateway.emqx.v4;

import io.tenantmq.control.command.PublishCommand.PublishProperties;
import io.tenantmq.control.command.PublishCommand.UserProperty;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.MessageProperties;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The body of {@code POST /mqtt/publish}: {@code topic | topics, clientid, payload, encoding (plain | base64), qos,
 * retain, properties, user_properties}. What v4 cannot read (a payload that is not base64, a topic, retain or
 * property of the wrong type) is 108 {@code bad_params}, as its {@code parse_publish_params} answers.
 *
 * @param clientId the publisher v4 records as the message's sender; any JSON value, checked by the caller
 * @param topics   the valid topic names given
 * @param qos      -1 when not 0, 1 or 2
 */
record PublishMessage(Object clientId, List<String> topics, byte[] payload, int qos, boolean retain,
                      PublishProperties properties) {

  static final String BAD_PARAMS = "bad_params";

  static PublishMessage read(JsonObject body) {
    List<String> topics = PubSubRoutes.topics(body, false);
    Object retain = body.getValue("retain", false);
    if (!(retain instanceof Boolean)) {
      throw badParams();
    }
    return new PublishMessage(PubSubRoutes.clientId(body), topics, payload(body), PubSubRoutes.qos(body),
        (Boolean) retain, properties(body));
  }

  /** {@code properties}, plus the user properties older v4 clients give at the top level ({@code user_properties}). */
  private static PublishProperties properties(JsonObject body) {
    try {
      PublishProperties p = MessageProperties.read(body.getValue("properties"));
      List<UserProperty> topLevel = MessageProperties.userProperties(body.getValue("user_properties"));
      if (topLevel.isEmpty()) {
        return p;
      }
      List<UserProperty> all = new ArrayList<>(topLevel);
      all.addAll(p.userProperties());
      return new PublishProperties(p.payloadFormatIndicator(), p.messageExpiryIntervalSeconds(), p.contentType(),
          p.responseTopic(), p.correlationData(), all);
    } catch (EmqxException e) {
      throw badParams();
    }
  }

  private static byte[] payload(JsonObject body) {
    Object payload = body.getValue("payload", "");
    Object encoding = body.getValue("encoding", "plain");
    if ("base64".equals(encoding)) {
      if (!(payload instanceof String text)) {
        throw badParams();
      }
      try {
        return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
      } catch (IllegalArgumentException e) {
        throw badParams();
      }
    }
    // v4 publishes a payload given as JSON (an object, a number...) as its JSON text
    return (payload instanceof String text ? text : Json.encode(payload)).getBytes(StandardCharsets.UTF_8);
  }

  private static V4Exception badParams() {
    return new V4Exception(V4Code.PARAM_TYPE, BAD_PARAMS);
  }
}
