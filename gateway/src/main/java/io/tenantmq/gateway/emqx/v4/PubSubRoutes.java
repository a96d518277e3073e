package io.tenantmq.gateway.emqx.v4;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.command.PublishCommand;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.common.Stages;
import io.tenantmq.control.topic.TopicSyntax;
import io.tenantmq.gateway.emqx.EmqxScope;
import io.tenantmq.gateway.emqx.MessageIds;
import io.tenantmq.gateway.emqx.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * v4's {@code /mqtt/publish|subscribe|unsubscribe} and their {@code _batch} forms ({@code emqx_mgmt_api_pubsub},
 * 4.4). Bodies name the client as {@code clientid} (or v3's {@code client_id}) and the topics as {@code topic} or
 * {@code topics}, both split at commas; topics that are not valid are dropped, and none left is 115 bad_topic. A
 * batch is an array of such bodies, run in order, answered with one result per body.
 */
final class PubSubRoutes {

  private final ControlPlane control;

  PubSubRoutes(GatewayContext context) {
    this.control = context.control();
  }

  void mount(Router v4) {
    v4.post("/mqtt/publish").handler(Reply.of(ctx -> publish(ctx, V4Body.object(ctx)).map(Outcome::reply)));
    v4.post("/mqtt/subscribe").handler(Reply.of(ctx -> subscribe(ctx, V4Body.object(ctx)).map(Outcome::reply)));
    v4.post("/mqtt/unsubscribe").handler(Reply.of(ctx -> unsubscribe(ctx, V4Body.object(ctx)).map(Outcome::reply)));
    v4.post("/mqtt/publish_batch").handler(Reply.of(ctx -> batch(ctx, PubSubRoutes::publishResult, this::publish)));
    v4.post("/mqtt/subscribe_batch").handler(Reply.of(ctx -> batch(ctx, PubSubRoutes::clientResult, this::subscribe)));
    v4.post("/mqtt/unsubscribe_batch")
        .handler(Reply.of(ctx -> batch(ctx, PubSubRoutes::clientResult, this::unsubscribe)));
  }

  /**
   * One message per topic. {@code return} (any value) asks for the message id(s) in {@code data}. A payload that is
   * JSON other than a string is published as its JSON text, as v4 does.
   */
  private Future<Outcome> publish(RoutingContext ctx, JsonObject body) {
    PublishMessage message;
    try {
      message = PublishMessage.read(body);
    } catch (V4Exception e) {
      return Outcome.failed(e);
    }
    if (message.clientId() != null && !(message.clientId() instanceof String)) {
      return Outcome.failed(V4Code.PARAM_TYPE, "bad clientid: must be string");
    }
    if (message.topics().isEmpty()) {
      return Outcome.failed(V4Code.BAD_TOPIC, "bad_topic");
    }
    if (message.qos() < 0) {
      return Outcome.failed(V4Code.BAD_QOS, "bad_qos");
    }
    String instanceId = EmqxScope.of(ctx).instanceId();
    List<String> ids = new ArrayList<>();
    Future<Void> sent = Future.succeededFuture();
    for (String topic : message.topics()) {
      PublishCommand command = new PublishCommand(instanceId, topic, message.payload(), message.qos(),
          message.retain(), message.properties());
      sent = sent.compose(v -> Stages.on(ctx, control.commands().publish(command))).map(matched -> {
        ids.add(MessageIds.next());
        return null;
      });
    }
    return V4Reply.badRpcOnFailure(sent).map(v -> {
      if (!body.containsKey("return")) {
        return Outcome.OK;
      }
      return new Outcome(V4Code.SUCCESS, null, body.containsKey("topics")
          ? new JsonObject().put("msgids", new JsonArray(ids))
          : new JsonObject().put("msgid", ids.get(ids.size() - 1)));
    });
  }

  /** Subscribes the client's session (on whichever node holds it) to each topic filter; 112 when it has none. */
  private Future<Outcome> subscribe(RoutingContext ctx, JsonObject body) {
    if (!(clientId(body) instanceof String clientId)) {
      return Outcome.failed(V4Code.PARAM_TYPE, "bad clientid: must be string");
    }
    List<String> filters;
    try {
      filters = topics(body, true);
    } catch (V4Exception e) {
      return Outcome.failed(e);
    }
    if (filters.isEmpty()) {
      return Outcome.failed(V4Code.BAD_TOPIC, "bad_topic");
    }
    int qos = qos(body);
    if (qos < 0) {
      return Outcome.failed(V4Code.BAD_QOS, "bad_qos");
    }
    ClientKey key = new ClientKey(EmqxScope.of(ctx).instanceId(), clientId);
    Future<Boolean> all = Future.succeededFuture(true);
    for (String filter : filters) {
      all = all.compose(ok -> ok ? Stages.on(ctx, control.commands().subscribe(key, filter, qos))
          : Future.succeededFuture(false));
    }
    return V4Reply.badRpcOnFailure(all).map(ok -> ok ? Outcome.OK
        : new Outcome(V4Code.CLIENT_NOT_ONLINE, "channel_not_found", null));
  }

  /**
   * Removes one subscription ({@code topic} only, not split). Unsubscribing from a filter the session does not have
   * succeeds, as in v4, where the request is handed to the session; 112 when the client has no session.
   */
  private Future<Outcome> unsubscribe(RoutingContext ctx, JsonObject body) {
    if (!(clientId(body) instanceof String clientId)) {
      return Outcome.failed(V4Code.PARAM_TYPE, "bad clientid: must be string");
    }
    if (!(body.getValue("topic") instanceof String filter) || TopicSyntax.filterProblem(filter) != null) {
      return Outcome.failed(V4Code.BAD_TOPIC, "bad_topic");
    }
    ClientKey key = new ClientKey(EmqxScope.of(ctx).instanceId(), clientId);
    Future<Boolean> known = Stages.on(ctx, control.commands().unsubscribe(key, filter))
        .compose(removed -> removed ? Future.succeededFuture(true)
            : Stages.on(ctx, control.registry().get(key)).map(found -> found.isPresent()));
    return V4Reply.badRpcOnFailure(known).map(found -> found ? Outcome.OK
        : new Outcome(V4Code.CLIENT_NOT_ONLINE, "channel_not_found", null));
  }

  /** Runs {@code operation} on each body of the batch in turn; {@code data} is the array of their results. */
  private Future<Reply> batch(RoutingContext ctx, BiFunction<JsonObject, Outcome, JsonObject> result,
                              BiFunction<RoutingContext, JsonObject, Future<Outcome>> operation) {
    JsonArray bodies = V4Body.objects(ctx);
    Future<JsonArray> results = Future.succeededFuture(new JsonArray());
    for (Object item : bodies) {
      JsonObject body = (JsonObject) item;
      results = results.compose(done -> operation.apply(ctx, body)
          .map(outcome -> done.add(result.apply(body, outcome))));
    }
    return results.map(V4Reply::data);
  }

  /** v4 names the topic of each published body, except of one it could not read. */
  private static JsonObject publishResult(JsonObject body, Outcome outcome) {
    return PublishMessage.BAD_PARAMS.equals(outcome.message())
        ? V4Reply.error(outcome.code(), outcome.message())
        : new JsonObject().put("topic", respTopic(body)).put("code", outcome.code().code());
  }

  private static JsonObject clientResult(JsonObject body, Outcome outcome) {
    Object clientId = clientId(body);
    return new JsonObject().put("clientid", clientId instanceof String ? clientId : null).put("topic", respTopic(body))
        .put("code", outcome.code().code());
  }

  /** The client a body names: {@code clientid}, or v3's {@code client_id}. */
  static Object clientId(JsonObject body) {
    return body.containsKey("clientid") ? body.getValue("clientid") : body.getValue("client_id");
  }

  /**
   * The valid topic names (or filters) of {@code topic}, or else of {@code topics}, split at commas. A value that is
   * not text is 108.
   */
  static List<String> topics(JsonObject body, boolean filters) {
    Object value = body.getValue("topic") != null ? body.getValue("topic") : body.getValue("topics", "");
    if (!(value instanceof String text)) {
      throw new V4Exception(V4Code.PARAM_TYPE, PublishMessage.BAD_PARAMS);
    }
    List<String> valid = new ArrayList<>();
    for (String topic : text.split(",", -1)) {
      boolean ok = filters ? TopicSyntax.filterProblem(topic) == null
          : TopicSyntax.nameProblem(topic) == null && !topic.startsWith(TopicSyntax.SHARE_PREFIX);
      if (ok) {
        valid.add(topic);
      }
    }
    return valid;
  }

  /** {@code qos} (default 0), or -1 when it is not 0, 1 or 2. */
  static int qos(JsonObject body) {
    Object qos = body.getValue("qos", 0);
    return qos instanceof Integer q && q >= 0 && q <= 2 ? q : -1;
  }

  /** The topic a batch result names: {@code topic} as given, else {@code topics}, else "". */
  private static Object respTopic(JsonObject body) {
    return body.getValue("topic") != null ? body.getValue("topic") : body.getValue("topics", "");
  }

  /** What one operation came to: a code, its message when it failed, and the {@code data} when there is one. */
  record Outcome(V4Code code, String message, Object data) {
    static final Outcome OK = new Outcome(V4Code.SUCCESS, null, null);

    static Future<Outcome> failed(V4Code code, String message) {
      return Future.succeededFuture(new Outcome(code, message, null));
    }

    static Future<Outcome> failed(V4Exception e) {
      return failed(e.code(), e.getMessage());
    }

    Reply reply() {
      if (code != V4Code.SUCCESS) {
        return V4Reply.failed(code, message);
      }
      return data == null ? V4Reply.ok() : V4Reply.data(data);
    }
  }
}
