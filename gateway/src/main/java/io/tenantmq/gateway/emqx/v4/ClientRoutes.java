package io.tenantmq.gateway.emqx.v4;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.registry.ClientFilter;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientPage;
import io.tenantmq.control.registry.ClientQuery;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.common.Stages;
import io.tenantmq.gateway.emqx.ClientFields;
import io.tenantmq.gateway.emqx.ClientKick;
import io.tenantmq.gateway.emqx.ClientListRequest;
import io.tenantmq.gateway.emqx.EmqxScope;
import io.tenantmq.gateway.emqx.QueryParams;
import io.tenantmq.gateway.emqx.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * v4's {@code /clients} ({@code emqx_mgmt_api_clients}, 4.4): the instance's clients from the cluster-wide registry,
 * lists paged with {@code _page}/{@code _limit} (default 1 and 10000), lookups that answer an array (empty when the
 * client is unknown), the kick-out, which answers 112 for a client the instance does not have, the keepalive and the
 * (always empty) ACL cache.
 */
final class ClientRoutes {

  /** v4's only zone for MQTT listeners; a filter on any other zone matches nothing. */
  private static final String ZONE = "external";
  private static final int MAX_KEEPALIVE_SECONDS = 65_535;

  private final ControlPlane control;

  ClientRoutes(GatewayContext context) {
    this.control = context.control();
  }

  void mount(Router v4) {
    v4.get("/clients").handler(Reply.of(ctx -> list(ctx, null)));
    v4.get("/nodes/:node/clients").handler(Reply.of(ctx -> list(ctx, ctx.pathParam("node"))));
    v4.get("/clients/username/:username").handler(Reply.of(ctx -> byUsername(ctx, null)));
    v4.get("/nodes/:node/clients/username/:username")
        .handler(Reply.of(ctx -> byUsername(ctx, ctx.pathParam("node"))));
    v4.get("/clients/:clientid").handler(Reply.of(ctx -> byClientId(ctx, null)));
    v4.get("/nodes/:node/clients/:clientid").handler(Reply.of(ctx -> byClientId(ctx, ctx.pathParam("node"))));
    v4.delete("/clients/:clientid").handler(Reply.of(this::kick));
    v4.put("/clients/:clientid/keepalive").handler(Reply.of(this::setKeepAlive));
    v4.get("/clients/:clientid/acl_cache").handler(Reply.of(ctx -> aclCache(ctx, new JsonArray())));
    v4.delete("/clients/:clientid/acl_cache").handler(Reply.of(ctx -> aclCache(ctx, null)));
  }

  /** {@code meta.count} is the number of all matches (v4 writes -1 once a filter is given; the count is better). */
  private Future<Reply> list(RoutingContext ctx, String node) {
    QueryParams q = QueryParams.of(ctx);
    int page = q.integer("page", 1, 1, Integer.MAX_VALUE);
    int limit = q.integer("limit", ClientQuery.MAX_LIMIT, 1, ClientQuery.MAX_LIMIT);
    ClientListRequest request = ClientListRequest.fromV4(q);
    ClientFilter filter = node == null ? request.filter() : request.filter().withNode(node);
    boolean none = request.matchesNothing() || q.text("zone").map(zone -> !zone.equals(ZONE)).orElse(false);
    Future<ClientPage> found = none ? Future.succeededFuture(new ClientPage(List.of(), 0, false, null))
        : Stages.on(ctx, control.registry().page(instanceId(ctx), filter, page, limit));
    return found.map(p -> V4Reply.page(clients(p.records()), new JsonObject().put("page", page).put("limit", limit)
        .put("hasnext", p.hasNext()).put("count", p.count())));
  }

  private Future<Reply> byClientId(RoutingContext ctx, String node) {
    ClientKey key = new ClientKey(instanceId(ctx), ctx.pathParam("clientid"));
    return Stages.on(ctx, control.registry().get(key)).map(found -> V4Reply.data(clients(
        found.filter(r -> node == null || node.equals(r.node())).map(List::of).orElse(List.of()))));
  }

  private Future<Reply> byUsername(RoutingContext ctx, String node) {
    ClientFilter filter = ClientFilter.ALL.withNode(node).withUsername(ctx.pathParam("username"));
    return Stages.on(ctx, control.registry().page(instanceId(ctx), filter, 1, ClientQuery.MAX_LIMIT))
        .map(p -> V4Reply.data(clients(p.records())));
  }

  private Future<Reply> kick(RoutingContext ctx) {
    ClientKey key = new ClientKey(instanceId(ctx), ctx.pathParam("clientid"));
    return V4Reply.badRpcOnFailure(ClientKick.kick(ctx, control, key)).map(found -> found ? V4Reply.ok()
        : V4Reply.failed(V4Code.CLIENT_NOT_ONLINE, "not_found"));
  }

  /**
   * {@code interval} (0..65535 seconds) from the body or the query, as v4 reads both: missing is 107, out of range
   * 102 with v4's words, a client without a live connection 112.
   */
  private Future<Reply> setKeepAlive(RoutingContext ctx) {
    Object given = V4Body.object(ctx).getValue("interval", ctx.queryParams().get("interval"));
    if (given == null) {
      return Future.succeededFuture(V4Reply.failed(V4Code.MISSING_PARAM, "params_not_found"));
    }
    long interval;
    try {
      interval = given instanceof Integer || given instanceof Long ? ((Number) given).longValue()
          : Long.parseLong(String.valueOf(given).trim());
    } catch (NumberFormatException e) {
      throw new V4Exception(V4Code.PARAM_TYPE, "interval: expected an integer, got: " + given);
    }
    if (interval < 0 || interval > MAX_KEEPALIVE_SECONDS) {
      return Future.succeededFuture(V4Reply.failed(V4Code.UNKNOWN,
          "mqtt3.1.1 specification: keepalive must between 0~65535"));
    }
    ClientKey key = new ClientKey(instanceId(ctx), ctx.pathParam("clientid"));
    return V4Reply.badRpcOnFailure(Stages.on(ctx, control.commands().setKeepAlive(key, (int) interval)))
        .map(set -> set ? V4Reply.ok() : V4Reply.failed(V4Code.CLIENT_NOT_ONLINE, "not_found"));
  }

  /**
   * {@code /clients/{clientid}/acl_cache}: TenantMQ checks a client's permissions without caching decisions, so the
   * cache of a known client is always empty, and clearing it has nothing to do.
   *
   * @param data the answer's data for a known client; null for none
   */
  private Future<Reply> aclCache(RoutingContext ctx, JsonArray data) {
    ClientKey key = new ClientKey(instanceId(ctx), ctx.pathParam("clientid"));
    return Stages.on(ctx, control.registry().get(key)).map(found -> found.isEmpty()
        ? V4Reply.failed(V4Code.CLIENT_NOT_ONLINE, "not_found")
        : data == null ? V4Reply.ok() : V4Reply.data(data));
  }

  private static String instanceId(RoutingContext ctx) {
    return EmqxScope.of(ctx).instanceId();
  }

  private static JsonArray clients(List<ClientRecord> records) {
    JsonArray data = new JsonArray();
    records.forEach(r -> data.add(ClientFields.v4(r)));
    return data;
  }
}
