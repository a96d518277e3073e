package io.tenantmq.gateway.admin;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.quota.InstanceQuotas;
import io.tenantmq.control.quota.Quota;
import io.tenantmq.gateway.common.Stages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /instances/:instanceId/quotas}: the instance's quotas. PUT replaces them as a whole: a field absent or null
 * is not configured (the node's default applies); every field is checked before anything is stored.
 */
final class QuotaRoutes {

  private static final Set<String> FIELDS = Arrays.stream(Quota.values()).map(Quota::jsonName)
      .collect(Collectors.toUnmodifiableSet());

  private final ControlPlane control;
  private final Lookups lookups;

  QuotaRoutes(ControlPlane control, Lookups lookups) {
    this.control = control;
    this.lookups = lookups;
  }

  void mount(Router router) {
    router.get("/instances/:instanceId/quotas").handler(AdminApi.action(this::get));
    router.put("/instances/:instanceId/quotas").handler(AdminApi.action(this::put));
  }

  private Future<AdminReply> get(RoutingContext ctx) {
    String instanceId = Lookups.instanceIdParam(ctx);
    return lookups.instance(ctx, instanceId)
        .compose(i -> Stages.on(ctx, control.quotas().get(instanceId)))
        .map(found -> AdminReply.ok(json(found.orElse(InstanceQuotas.none(instanceId)))));
  }

  private Future<AdminReply> put(RoutingContext ctx) {
    String instanceId = Lookups.instanceIdParam(ctx);
    JsonBody.parse(ctx, FIELDS); // an object of known fields only
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
    Map<Quota, Integer> values = new EnumMap<>(Quota.class);
    for (Quota q : Quota.values()) {
      Object value = body.getValue(q.jsonName());
      if (value == null) {
        continue;
      }
      if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
          || Math.abs(n.doubleValue()) > Long.MAX_VALUE / 2.0) {
        throw AdminException.invalid(q.jsonName() + " must be an integer within " + q.min() + ".." + q.max()
            + " or null");
      }
      String invalid = q.invalidReason(n.longValue());
      if (invalid != null) {
        throw AdminException.invalid(invalid);
      }
      values.put(q, n.intValue());
    }
    InstanceQuotas quotas = InstanceQuotas.of(instanceId, values, System.currentTimeMillis());
    return lookups.instance(ctx, instanceId)
        .compose(i -> Stages.on(ctx, control.quotas().put(quotas)))
        .map(v -> AdminReply.ok(json(quotas)));
  }

  private static JsonObject json(InstanceQuotas quotas) {
    JsonObject json = new JsonObject().put("instanceId", quotas.instanceId());
    for (Quota q : Quota.values()) {
      json.put(q.jsonName(), quotas.get(q)); // null: not configured, the node's default applies
    }
    return json.put("modifiedAt", quotas.modifiedAtMillis());
  }
}
