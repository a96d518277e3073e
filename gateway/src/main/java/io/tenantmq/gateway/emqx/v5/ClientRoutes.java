package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientPage;
import io.tenantmq.control.registry.ClientQuery;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.common.Stages;
import io.tenantmq.gateway.emqx.ClientFields;
import io.tenantmq.gateway.emqx.ClientKick;
import io.tenantmq.gateway.emqx.ClientListRequest;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.EmqxScope;
import io.tenantmq.gateway.emqx.QueryParams;
import io.tenantmq.gateway.emqx.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /clients}: the instance's clients from the cluster-wide registry, whichever node they are connected to, and
 * the kick-out. The client id in a path is URL-decoded by the router.
 */
final class ClientRoutes {

  static final int DEFAULT_LIMIT = 100;

  private final ControlPlane control;

  ClientRoutes(GatewayContext context) {
    this.control = context.control();
  }

  void mount(Router v5) {
    v5.get("/clients").handler(Reply.of(this::list));
    v5.get("/clients_v2").handler(Reply.of(this::listAfterCursor));
    v5.get("/clients/:clientid").handler(Reply.of(this::get));
    v5.delete("/clients/:clientid").handler(Reply.of(this::kick));
  }

  private Future<Reply> list(RoutingContext ctx) {
    QueryParams q = QueryParams.of(ctx);
    int page = q.integer("page", 1, 1, Integer.MAX_VALUE);
    int limit = q.integer("limit", DEFAULT_LIMIT, 1, ClientQuery.MAX_LIMIT);
    ClientListRequest request = ClientListRequest.from(q);
    Set<String> fields = fields(q);
    String instanceId = EmqxScope.of(ctx).instanceId();
    Future<ClientPage> found = request.matchesNothing()
        ? Future.succeededFuture(new ClientPage(List.of(), 0, false, null))
        : Stages.on(ctx, control.registry().page(instanceId, request.filter(), page, limit));
    return found.map(p -> Reply.ok(new JsonObject()
        .put("data", data(p.records(), fields))
        .put("meta", new JsonObject().put("page", page).put("limit", limit).put("count", p.count())
            .put("hasnext", p.hasNext()))));
  }

  /**
   * The cursor form: each page continues after the last client id of the one before, so a client present throughout
   * the walk is listed exactly once however many connect or leave meanwhile. The cursor is that client id, base64url.
   */
  private Future<Reply> listAfterCursor(RoutingContext ctx) {
    QueryParams q = QueryParams.of(ctx);
    int limit = q.integer("limit", DEFAULT_LIMIT, 1, ClientQuery.MAX_LIMIT);
    String after = q.text("cursor").map(ClientRoutes::decodeCursor).orElse(null);
    ClientListRequest request = ClientListRequest.from(q);
    Set<String> fields = fields(q);
    String instanceId = EmqxScope.of(ctx).instanceId();
    Future<ClientPage> found = request.matchesNothing()
        ? Future.succeededFuture(new ClientPage(List.of(), 0, false, null))
        : Stages.on(ctx, control.registry().pageAfter(instanceId, request.filter(), after, limit));
    return found.map(p -> {
      JsonObject meta = new JsonObject().put("limit", limit).put("count", p.records().size()).put("hasnext", p.hasNext());
      if (p.hasNext()) {
        meta.put("cursor", encodeCursor(p.lastClientId()));
      }
      return Reply.ok(new JsonObject().put("data", data(p.records(), fields)).put("meta", meta));
    });
  }

  private Future<Reply> get(RoutingContext ctx) {
    ClientKey key = key(ctx);
    return Stages.on(ctx, control.registry().get(key)).map(found -> Reply.ok(
        ClientFields.of(found.orElseThrow(EmqxException::clientNotFound), ClientFields.V5_TIMES)));
  }

  private Future<Reply> kick(RoutingContext ctx) {
    return ClientKick.kick(ctx, control, key(ctx)).map(found -> {
      if (!found) {
        throw EmqxException.clientNotFound();
      }
      return Reply.noContent();
    });
  }

  static ClientKey key(RoutingContext ctx) {
    return new ClientKey(EmqxScope.of(ctx).instanceId(), ctx.pathParam("clientid"));
  }

  private static JsonArray data(List<ClientRecord> records, Set<String> fields) {
    JsonArray data = new JsonArray();
    records.forEach(r -> data.add(ClientFields.project(ClientFields.of(r, ClientFields.V5_TIMES), fields)));
    return data;
  }

  /** The {@code fields} parameter: null for all. */
  static Set<String> fields(QueryParams q) {
    List<String> given = q.all("fields");
    if (given.isEmpty() || given.contains("all")) {
      return null;
    }
    Set<String> fields = new LinkedHashSet<>();
    for (String value : given) {
      for (String field : value.split(",")) {
        String name = field.trim();
        if (!ClientFields.known(name)) {
          throw EmqxException.badRequest("fields: unknown client field '" + name + "'");
        }
        fields.add(name);
      }
    }
    return fields;
  }

  private static String encodeCursor(String clientId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(clientId.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeCursor(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw EmqxException.badRequest("cursor: not a cursor this API returned: " + cursor);
    }
  }
}
