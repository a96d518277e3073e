package io.tenantmq.gateway.admin;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.tenant.NewIds;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.gateway.common.Stages;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** {@code /tenants}: create, list, get, delete (with everything the tenant owns). */
final class TenantRoutes {

  private final ControlPlane control;
  private final Lookups lookups;

  TenantRoutes(ControlPlane control, Lookups lookups) {
    this.control = control;
    this.lookups = lookups;
  }

  void mount(Router router) {
    router.post("/tenants").handler(AdminApi.action(this::create));
    router.get("/tenants").handler(AdminApi.action(this::list));
    router.get("/tenants/:tenantId").handler(AdminApi.action(this::get));
    router.delete("/tenants/:tenantId").handler(AdminApi.action(this::delete));
  }

  private Future<AdminReply> create(RoutingContext ctx) {
    JsonBody body = JsonBody.parse(ctx, Set.of("tenantId", "name"));
    String tenantId = body.text("tenantId").map(v -> Check.label("tenantId", v)).orElseGet(NewIds::tenantId);
    String name = body.text("name").map(v -> Check.name("name", v)).orElse(tenantId);
    Tenant wanted = new Tenant(tenantId, name, System.currentTimeMillis());
    return Stages.on(ctx, control.tenants().createTenantIfAbsent(wanted)).map(stored -> {
      if (!stored.equals(wanted)) {
        throw AdminException.exists("tenant '" + tenantId + "' already exists");
      }
      return AdminReply.created(AdminJson.tenant(stored));
    });
  }

  private Future<AdminReply> list(RoutingContext ctx) {
    return Stages.on(ctx, control.tenants().tenants())
        .map(all -> AdminReply.ok(AdminJson.list("tenants", all, AdminJson::tenant)));
  }

  private Future<AdminReply> get(RoutingContext ctx) {
    return lookups.tenant(ctx, Lookups.tenantIdParam(ctx)).map(t -> AdminReply.ok(AdminJson.tenant(t)));
  }

  private Future<AdminReply> delete(RoutingContext ctx) {
    String tenantId = Lookups.tenantIdParam(ctx);
    return lookups.tenant(ctx, tenantId)
        .compose(t -> Stages.on(ctx, control.deleteTenant(tenantId)))
        .map(AdminReply.deleted());
  }
}
