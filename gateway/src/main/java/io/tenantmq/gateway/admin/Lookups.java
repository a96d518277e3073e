package io.tenantmq.gateway.admin;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.gateway.common.Stages;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Reads a tenant or an instance named in a path, failing with {@link AdminError#NOT_FOUND} when it is absent. */
final class Lookups {

  private final ControlPlane control;

  Lookups(ControlPlane control) {
    this.control = control;
  }

  Future<Tenant> tenant(RoutingContext ctx, String tenantId) {
    return Stages.on(ctx, control.tenants().tenant(tenantId))
        .map(found -> found.orElseThrow(() -> AdminException.notFound("tenant '" + tenantId + "' does not exist")));
  }

  Future<Instance> instance(RoutingContext ctx, String instanceId) {
    return Stages.on(ctx, control.tenants().instance(instanceId))
        .map(found -> found.orElseThrow(() -> AdminException.notFound("instance '" + instanceId + "' does not exist")));
  }

  /** The {@code tenantId} path parameter, validated. */
  static String tenantIdParam(RoutingContext ctx) {
    return Check.label("tenantId", ctx.pathParam("tenantId"));
  }

  /** The {@code instanceId} path parameter, validated. */
  static String instanceIdParam(RoutingContext ctx) {
    return Check.label("instanceId", ctx.pathParam("instanceId"));
  }
}
