package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.topic.TopicSyntax;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.RequestBody;
import io.vertx.core.json.JsonObject;

/**
 * One subscription asked for through {@code POST /clients/{clientid}/subscribe[/bulk]}: {@code {topic, qos=0, nl=0,
 * rap=0, rh=0}}. The node subscribes with the topic and QoS; the MQTT 5 options are checked and echoed, as EMQX
 * echoes them, but a session subscribed on its client's behalf keeps no per-subscription options.
 */
record SubscribeRequest(String topic, int qos, int nl, int rap, int rh) {

  /** An item of a request body; a missing topic, a bad filter or an option out of range is a 400 BAD_REQUEST. */
  static SubscribeRequest from(Object item) {
    if (!(item instanceof JsonObject body)) {
      throw EmqxException.badRequest("a subscription must be a JSON object {topic, qos, nl, rap, rh}");
    }
    String topic = RequestBody.text(body, "topic");
    String problem = TopicSyntax.filterProblem(topic);
    if (problem != null) {
      throw EmqxException.badRequest("topic: " + problem + ", got: " + topic);
    }
    SubscribeRequest request = new SubscribeRequest(topic, RequestBody.integer(body, "qos", 0, 0, 2),
        RequestBody.integer(body, "nl", 0, 0, 1), RequestBody.integer(body, "rap", 0, 0, 1),
        RequestBody.integer(body, "rh", 0, 0, 2));
    if (request.nl() == 1 && TopicSyntax.isShared(topic)) {
      // EMQX's own words for [MQTT-3.8.3-4]
      throw EmqxException.invalidParameter(
          "Invalid Subscribe options: `no_local` not allowed for shared-sub. See [MQTT-3.8.3-4]");
    }
    return request;
  }

  /** EMQX's answer to a subscribe: the options as sent, plus the node and the client. */
  JsonObject answer(String node, String clientId) {
    return new JsonObject().put("topic", topic).put("qos", qos).put("nl", nl).put("rap", rap).put("rh", rh)
        .put("node", node).put("clientid", clientId);
  }
}
