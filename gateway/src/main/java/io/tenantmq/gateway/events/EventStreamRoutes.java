package io.tenantmq.gateway.events;

import io.tenantmq.control.event.EventConsumers;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.common.Stages;
import io.tenantmq.gateway.emqx.EmqxScope;
import io.tenantmq.gateway.emqx.QueryParams;
import io.tenantmq.gateway.emqx.Reply;
import io.tenantmq.gateway.emqx.RequestBody;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /event-streams/{topic}/messages|ack|offsets|sse} in EMQX's v5 API, behind its API-key check: the instance is
 * the key's. Pull, ack and offsets go to the control plane's consumers with the checks every dialect shares
 * ({@link EventRequests}). Bad parameters are {@link EventParamException}s, which the v5 failure handler answers with
 * {@code 400 BAD_REQUEST}.
 */
public final class EventStreamRoutes {

  private final EventConsumers consumers;
  private final EventSse sse;

  public EventStreamRoutes(EventConsumers consumers, EventSse sse) {
    this.consumers = consumers;
    this.sse = sse;
  }

  /** The routes of {@code context}'s control plane. */
  public static void mount(Router v5, GatewayContext context) {
    new EventStreamRoutes(context.control().consumers(), new EventSse(context.control().events())).mount(v5);
  }

  public void mount(Router v5) {
    v5.get("/event-streams/:topic/messages").handler(Reply.of(this::pull));
    v5.post("/event-streams/:topic/ack").handler(Reply.of(this::ack));
    v5.get("/event-streams/:topic/offsets").handler(Reply.of(this::offsets));
    v5.get("/event-streams/:topic/sse").handler(ctx -> {
      try {
        sse.serve(ctx, EmqxScope.of(ctx).instanceId(), query(ctx));
      } catch (RuntimeException e) {
        ctx.fail(e);
      }
    });
  }

  private Future<Reply> pull(RoutingContext ctx) {
    return Stages.on(ctx, consumers.pull(EventRequests.pull(EmqxScope.of(ctx).instanceId(), query(ctx))))
        .map(result -> Reply.ok(new JsonObject()
            .put("messages", EventJson.deliveries(result, FieldNames.SNAKE))
            .put("committed_offset", result.committedOffset())));
  }

  private Future<Reply> ack(RoutingContext ctx) {
    JsonObject body = RequestBody.object(ctx);
    String topic = ctx.pathParam("topic");
    ParamSource params = p -> p == EventParam.TOPIC ? Optional.ofNullable(topic) : text(body, p);
    ConsumerRef c = EventRequests.consumer(EmqxScope.of(ctx).instanceId(), params);
    List<String> handles = EventRequests.receiptHandles(handles(body));
    return Stages.on(ctx, consumers.ack(c.instanceId(), c.consumerGroup(), c.consumerId(), handles))
        .map(acked -> Reply.ok(new JsonObject().put("acked", acked)));
  }

  private Future<Reply> offsets(RoutingContext ctx) {
    ConsumerRef c = EventRequests.consumer(EmqxScope.of(ctx).instanceId(), query(ctx));
    return Stages.on(ctx, consumers.committedOffset(c.instanceId(), c.consumerGroup(), c.consumerId()))
        .map(offset -> Reply.ok(new JsonObject().put("committed_offset", offset)));
  }

  /** The path's topic and the query's parameters under their EMQX names. */
  static ParamSource query(RoutingContext ctx) {
    QueryParams query = QueryParams.of(ctx);
    String topic = ctx.pathParam("topic");
    return p -> p == EventParam.TOPIC ? Optional.ofNullable(topic) : query.text(p.wireName(FieldNames.SNAKE));
  }

  private static Optional<String> text(JsonObject body, EventParam param) {
    Object value = body.getValue(param.wireName(FieldNames.SNAKE));
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s)) {
      throw EventParamException.invalid(param, "must be a string");
    }
    return Optional.of(s);
  }

  /** {@code receipt_handles}: an array of strings; null when absent. */
  private static List<String> handles(JsonObject body) {
    Object value = body.getValue(EventParam.RECEIPT_HANDLES.wireName(FieldNames.SNAKE));
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      throw EventParamException.invalid(EventParam.RECEIPT_HANDLES, "must be an array of strings");
    }
    List<String> handles = new ArrayList<>(array.size());
    for (Object handle : array) {
      if (!(handle instanceof String s)) {
        throw EventParamException.invalid(EventParam.RECEIPT_HANDLES, "must be an array of strings");
      }
      handles.add(s);
    }
    return handles;
  }
}
