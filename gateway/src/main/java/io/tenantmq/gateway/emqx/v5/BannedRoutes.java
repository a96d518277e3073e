package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.ban.Ban;
import io.tenantmq.control.ban.BanKey;
import io.tenantmq.control.ban.BanKind;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.common.Stages;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.EmqxScope;
import io.tenantmq.gateway.emqx.QueryParams;
import io.tenantmq.gateway.emqx.Reply;
import io.tenantmq.gateway.emqx.RequestBody;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Predicate;

/**
 * {@code /banned}: the bans of the caller's instance (the control plane's {@link io.tenantmq.control.ban.BanList};
 * brokers refuse a banned CONNECT and close the connections a new ban matches). Answers as EMQX 5.8 does: a ban
 * that exists and is still active is 400 ALREADY_EXISTS with the existing ban as its message, a missing one 404.
 */
final class BannedRoutes {

  private final ControlPlane control;

  BannedRoutes(GatewayContext context) {
    this.control = context.control();
  }

  void mount(Router v5) {
    v5.get("/banned").handler(Reply.of(this::list));
    v5.post("/banned").handler(Reply.of(this::create));
    v5.delete("/banned").handler(Reply.of(this::clear));
    v5.delete("/banned/:as/:who").handler(Reply.of(this::delete));
  }

  private Future<Reply> list(RoutingContext ctx) {
    QueryParams q = QueryParams.of(ctx);
    ListPage page = ListPage.of(q);
    Predicate<Ban> filter = BanFilter.from(q);
    return Stages.on(ctx, control.bans().list(EmqxScope.of(ctx).instanceId()))
        .map(all -> Reply.ok(page.answer(all.stream().filter(filter).toList(), BanFields::of)));
  }

  private Future<Reply> create(RoutingContext ctx) {
    String instanceId = EmqxScope.of(ctx).instanceId();
    Ban ban = BanFields.parse(instanceId, RequestBody.object(ctx), System.currentTimeMillis());
    return Stages.on(ctx, control.bans().add(ban)).compose(added -> added
        ? Future.succeededFuture(Reply.ok(BanFields.of(ban)))
        : Stages.on(ctx, control.bans().list(instanceId)).map(bans -> {
          // EMQX puts the ban that is in the way, encoded, in the message
          JsonObject existing = bans.stream().filter(b -> b.key().equals(ban.key())).findFirst()
              .map(BanFields::of).orElseGet(() -> BanFields.of(ban));
          throw new EmqxException(400, "ALREADY_EXISTS", existing.encode());
        }));
  }

  private Future<Reply> clear(RoutingContext ctx) {
    return Stages.on(ctx, control.bans().deleteAll(EmqxScope.of(ctx).instanceId())).map(removed -> Reply.noContent());
  }

  private Future<Reply> delete(RoutingContext ctx) {
    String as = ctx.pathParam("as");
    BanKind kind = BanFields.kind(as);
    String who = BanFields.who(kind, ctx.pathParam("who"));
    BanKey key = new BanKey(EmqxScope.of(ctx).instanceId(), kind, who);
    return Stages.on(ctx, control.bans().remove(key)).map(removed -> {
      if (!removed) {
        throw EmqxException.notFound("NOT_FOUND", as + ": " + ctx.pathParam("who") + " not found");
      }
      return Reply.noContent();
    });
  }
}
