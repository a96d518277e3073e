package io.tenantmq.gateway.admin;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.NewIds;
import io.tenantmq.gateway.common.Stages;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code /tenants/:tenantId/instances} (create, list) and {@code /instances/:instanceId} (get, delete with its users
 * and topics). Instance ids are unique across the cluster, so get and delete need no tenant.
 */
final class InstanceRoutes {

  private final ControlPlane control;
  private final Lookups lookups;

  InstanceRoutes(ControlPlane control, Lookups lookups) {
    this.control = control;
    this.lookups = lookups;
  }

  void mount(Router router) {
    router.post("/tenants/:tenantId/instances").handler(AdminApi.action(this::create));
    router.get("/tenants/:tenantId/instances").handler(AdminApi.action(this::list));
    router.get("/instances/:instanceId").handler(AdminApi.action(this::get));
    router.delete("/instances/:instanceId").handler(AdminApi.action(this::delete));
  }

  private Future<AdminReply> create(RoutingContext ctx) {
    String tenantId = Lookups.tenantIdParam(ctx);
    JsonBody body = JsonBody.parse(ctx, Set.of("instanceId", "name", "remark", "anonymousLoopback"));
    String instanceId = body.text("instanceId").map(v -> Check.label("instanceId", v)).orElseGet(NewIds::instanceId);
    String name = body.text("name").map(v -> Check.name("name", v)).orElse(instanceId);
    String remark = body.text("remark").map(v -> Check.text("remark", v, Check.MAX_REMARK_LENGTH)).orElse("");
    // off unless asked for: anonymous clients are a convenience of the demo, not a default for tenants
    boolean anonymousLoopback = body.flag("anonymousLoopback").orElse(false);
    Instance wanted = new Instance(instanceId, tenantId, name, remark, anonymousLoopback, System.currentTimeMillis());
    return lookups.tenant(ctx, tenantId)
        .compose(t -> Stages.on(ctx, control.tenants().createInstanceIfAbsent(wanted)))
        .map(stored -> {
          if (!stored.equals(wanted)) {
            throw AdminException.exists("instance '" + instanceId + "' already exists");
          }
          return AdminReply.created(AdminJson.instance(stored));
        });
  }

  private Future<AdminReply> list(RoutingContext ctx) {
    String tenantId = Lookups.tenantIdParam(ctx);
    return lookups.tenant(ctx, tenantId)
        .compose(t -> Stages.on(ctx, control.tenants().instances(tenantId)))
        .map(found -> AdminReply.ok(AdminJson.list("instances", found, AdminJson::instance)));
  }

  private Future<AdminReply> get(RoutingContext ctx) {
    return lookups.instance(ctx, Lookups.instanceIdParam(ctx)).map(i -> AdminReply.ok(AdminJson.instance(i)));
  }

  private Future<AdminReply> delete(RoutingContext ctx) {
    String instanceId = Lookups.instanceIdParam(ctx);
    return lookups.instance(ctx, instanceId)
        .compose(i -> Stages.on(ctx, control.deleteInstance(instanceId)))
        .map(AdminReply.deleted());
  }
}
