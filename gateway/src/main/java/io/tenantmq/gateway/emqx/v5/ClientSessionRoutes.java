package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.common.Stages;
import io.tenantmq.control.topic.TopicSyntax;
import io.tenantmq.gateway.emqx.ClientFields;
import io.tenantmq.gateway.emqx.ClientKick;
import io.tenantmq.gateway.emqx.EmqxException;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * What acts on one client's session: its subscriptions (listed from the registry, changed on the node that owns the
 * session), its keepalive, the messages it holds, and the bulk kick-out. Every client id is looked up in the caller's
 * instance only. A body is checked whole before anything changes, so a bad item in a bulk request changes nothing.
 */
final class ClientSessionRoutes {

  /** Kicks of a bulk request in flight at once: a body of many thousand ids does not flood the cluster. */
  static final int KICK_BATCH = 64;

  private final ControlPlane control;

  ClientSessionRoutes(GatewayContext context) {
    this.control = context.control();
  }

  void mount(Router v5) {
    // first, so that "kickout" is never read as a client id by a /clients/:clientid/... route
    v5.post("/clients/kickout/bulk").handler(Reply.of(this::kickBulk));
    v5.get("/clients/:clientid/subscriptions").handler(Reply.of(this::subscriptions));
    v5.post("/clients/:clientid/subscribe").handler(Reply.of(this::subscribe));
    v5.post("/clients/:clientid/subscribe/bulk").handler(Reply.of(this::subscribeBulk));
    v5.post("/clients/:clientid/unsubscribe").handler(Reply.of(this::unsubscribe));
    v5.post("/clients/:clientid/unsubscribe/bulk").handler(Reply.of(this::unsubscribeBulk));
    v5.put("/clients/:clientid/keepalive").handler(Reply.of(this::keepAlive));
    v5.get("/clients/:clientid/mqueue_messages").handler(Reply.of(ctx -> messages(ctx, false)));
    v5.get("/clients/:clientid/inflight_messages").handler(Reply.of(ctx -> messages(ctx, true)));
  }

  /**
   * {@code ["id1", "id2"]}: the kick-out of {@code DELETE /clients/{clientid}} for each; ids the instance does not know
   * are ignored, as EMQX does.
   */
  private Future<Reply> kickBulk(RoutingContext ctx) {
    JsonArray body = RequestBody.array(ctx);
    LinkedHashSet<String> clientIds = new LinkedHashSet<>();
    for (Object id : body) {
      if (!(id instanceof String s)) {
        throw EmqxException.badRequest("the request body must be an array of client ids (strings), got: " + id);
      }
      clientIds.add(s);
    }
    String instanceId = EmqxScope.of(ctx).instanceId();
    List<String> ids = List.copyOf(clientIds);
    Future<Void> done = Future.succeededFuture();
    for (int from = 0; from < ids.size(); from += KICK_BATCH) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + KICK_BATCH));
      done = done.compose(v -> Future.all(batch.stream()
          .map(id -> ClientKick.kick(ctx, control, new ClientKey(instanceId, id))).toList()).mapEmpty());
    }
    return done.map(v -> Reply.noContent());
  }

  /** The session's subscriptions as the registry knows them: filter and granted QoS (no MQTT 5 options). */
  private Future<Reply> subscriptions(RoutingContext ctx) {
    return client(ctx, ClientRoutes.key(ctx)).map(r -> {
      JsonArray subscriptions = new JsonArray();
      r.subscriptions().forEach((topic, qos) -> subscriptions.add(new JsonObject()
          .put("node", r.node()).put("topic", topic).put("clientid", r.clientId()).put("qos", qos)
          .put("nl", 0).put("rap", 0).put("rh", 0).put("durable", false)));
      return Reply.ok(subscriptions);
    });
  }

  private Future<Reply> subscribe(RoutingContext ctx) {
    SubscribeRequest request = SubscribeRequest.from(RequestBody.object(ctx));
    ClientKey key = ClientRoutes.key(ctx);
    return client(ctx, key).compose(r -> subscribe(ctx, r, request)).map(Reply::ok);
  }

  /** Subscribes in the order given and answers each; a client that goes away midway is a 404. */
  private Future<Reply> subscribeBulk(RoutingContext ctx) {
    List<SubscribeRequest> requests = RequestBody.array(ctx).stream().map(SubscribeRequest::from).toList();
    ClientKey key = ClientRoutes.key(ctx);
    return client(ctx, key).compose(r -> inOrder(requests, request -> subscribe(ctx, r, request)))
        .map(answers -> Reply.ok(new JsonArray(answers)));
  }

  private Future<JsonObject> subscribe(RoutingContext ctx, ClientRecord client, SubscribeRequest request) {
    return Stages.on(ctx, control.commands().subscribe(client.key(), request.topic(), request.qos()))
        .map(subscribed -> {
          if (!subscribed) {
            throw EmqxException.clientNotFound();
          }
          return request.answer(client.node(), client.clientId());
        });
  }

  /** {@code {topic}}: 204 whether or not the session had that subscription, as EMQX answers. */
  private Future<Reply> unsubscribe(RoutingContext ctx) {
    String topic = unsubscribeTopic(RequestBody.object(ctx));
    return unsubscribe(ctx, List.of(topic));
  }

  private Future<Reply> unsubscribeBulk(RoutingContext ctx) {
    List<String> topics = RequestBody.array(ctx).stream().map(item -> {
      if (!(item instanceof JsonObject o)) {
        throw EmqxException.badRequest("an unsubscription must be a JSON object {topic}, got: " + item);
      }
      return unsubscribeTopic(o);
    }).toList();
    return unsubscribe(ctx, topics);
  }

  private Future<Reply> unsubscribe(RoutingContext ctx, List<String> topics) {
    ClientKey key = ClientRoutes.key(ctx);
    return client(ctx, key)
        .compose(r -> inOrder(topics, topic -> Stages.on(ctx, control.commands().unsubscribe(key, topic))))
        .map(removed -> Reply.noContent());
  }

  private static String unsubscribeTopic(JsonObject body) {
    String topic = RequestBody.text(body, "topic");
    String problem = TopicSyntax.filterProblem(topic);
    if (problem != null) {
      throw EmqxException.badRequest("topic: " + problem + ", got: " + topic);
    }
    return topic;
  }

  /** {@code {interval: 0..65535}} seconds for the live connection; answers the client object. */
  private Future<Reply> keepAlive(RoutingContext ctx) {
    JsonObject body = RequestBody.object(ctx);
    if (body.getValue("interval") == null) {
      throw EmqxException.badRequest("Interval Not Found"); // EMQX's words
    }
    int interval = RequestBody.integer(body, "interval", 0, 0, 65_535);
    ClientKey key = ClientRoutes.key(ctx);
    return Stages.on(ctx, control.commands().setKeepAlive(key, interval)).compose(set -> {
      if (!set) {
        throw EmqxException.clientNotFound();
      }
      // the node records the new interval before it answers, so the record read now shows it
      return client(ctx, key);
    }).map(r -> Reply.ok(ClientFields.of(r, ClientFields.V5_TIMES)));
  }

  private Future<Reply> messages(RoutingContext ctx, boolean inflight) {
    HeldMessages.Request request = HeldMessages.Request.from(QueryParams.of(ctx), inflight);
    ClientKey key = ClientRoutes.key(ctx);
    return Stages.on(ctx, control.commands().messages(key, inflight, request.toFetch())).map(held -> Reply.ok(
        HeldMessages.page(request, held.orElseThrow(EmqxException::clientNotFound))));
  }

  /** The client's registry record in the caller's instance; a 404 when there is none. */
  private Future<ClientRecord> client(RoutingContext ctx, ClientKey key) {
    return Stages.on(ctx, control.registry().get(key)).map(found -> found.orElseThrow(EmqxException::clientNotFound));
  }

  /** Runs {@code step} on each item, one after the other, and collects the results. */
  private static <T, R> Future<List<R>> inOrder(List<T> items, Function<T, Future<R>> step) {
    Future<List<R>> done = Future.succeededFuture(new ArrayList<>());
    for (T item : items) {
      done = done.compose(results -> step.apply(item).map(result -> {
        results.add(result);
        return results;
      }));
    }
    return done;
  }
}
