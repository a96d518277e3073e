package io.tenantmq.gateway.admin;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.acl.AclAction;
import io.tenantmq.control.acl.AclChange;
import io.tenantmq.control.acl.AclPermission;
import io.tenantmq.control.acl.AclRule;
import io.tenantmq.control.acl.InstanceAcl;
import io.tenantmq.gateway.common.Stages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /instances/:instanceId/acl}: the instance's ordered topic ACL rules. {@code GET} lists them, {@code PUT}
 * replaces the whole list ({@code {"rules":[…]}}), {@code POST …/acl/rules} inserts one (at {@code position}, default
 * last) and {@code DELETE …/acl/rules/:position} removes one. A rule is {@code {"permission":"allow|deny",
 * "action":"publish|subscribe|all","topic":"…"}} with at most one of {@code "username"} or {@code "clientid"}. A bad
 * rule anywhere in a request changes nothing.
 */
final class AclRoutes {

  static final Set<String> RULE_FIELDS = Set.of("permission", "action", "topic", "username", "clientid");
  private static final Set<String> ADDED_RULE_FIELDS = Set.of("permission", "action", "topic", "username", "clientid",
      "position");

  private final ControlPlane control;
  private final Lookups lookups;

  AclRoutes(ControlPlane control, Lookups lookups) {
    this.control = control;
    this.lookups = lookups;
  }

  void mount(Router router) {
    router.get("/instances/:instanceId/acl").handler(AdminApi.action(this::list));
    router.put("/instances/:instanceId/acl").handler(AdminApi.action(this::replace));
    router.post("/instances/:instanceId/acl/rules").handler(AdminApi.action(this::add));
    router.delete("/instances/:instanceId/acl/rules/:position").handler(AdminApi.action(this::remove));
  }

  private Future<AdminReply> list(RoutingContext ctx) {
    String instanceId = Lookups.instanceIdParam(ctx);
    return lookups.instance(ctx, instanceId)
        .compose(i -> Stages.on(ctx, control.acl().rules(instanceId)))
        .map(rules -> AdminReply.ok(json(rules)));
  }

  private Future<AdminReply> replace(RoutingContext ctx) {
    String instanceId = Lookups.instanceIdParam(ctx);
    JsonArray array = JsonBody.parse(ctx, Set.of("rules")).array("rules")
        .orElseThrow(() -> AdminException.invalid("rules is required (an array; empty removes every rule)"));
    if (array.size() > InstanceAcl.MAX_RULES) {
      throw AdminException.invalid("rules must have at most " + InstanceAcl.MAX_RULES + " entries, has " + array.size());
    }
    List<AclRule> rules = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String where = "rules[" + i + "]: ";
      if (!(array.getValue(i) instanceof JsonObject o)) {
        throw AdminException.invalid(where + "must be an object");
      }
      try {
        rules.add(rule(JsonBody.of(o, RULE_FIELDS)));
      } catch (AdminException e) {
        throw AdminException.invalid(where + e.getMessage());
      }
    }
    return lookups.instance(ctx, instanceId)
        .compose(i -> Stages.on(ctx, control.acl().replace(instanceId, rules)))
        .map(done -> AdminReply.ok(json(rules)));
  }

  private Future<AdminReply> add(RoutingContext ctx) {
    String instanceId = Lookups.instanceIdParam(ctx);
    JsonBody body = JsonBody.parse(ctx, ADDED_RULE_FIELDS);
    AclRule rule = rule(body);
    Integer position = body.integer("position").orElse(null);
    return lookups.instance(ctx, instanceId)
        .compose(i -> Stages.on(ctx, control.acl().add(instanceId, rule, position)))
        .map(change -> AdminReply.created(json(done(change, AdminException::invalid))));
  }

  private Future<AdminReply> remove(RoutingContext ctx) {
    String instanceId = Lookups.instanceIdParam(ctx);
    String text = ctx.pathParam("position");
    int position;
    try {
      position = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw AdminException.invalid("position must be a rule's index (0 = first), was '"
          + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
    }
    return lookups.instance(ctx, instanceId)
        .compose(i -> Stages.on(ctx, control.acl().remove(instanceId, position)))
        .map(change -> {
          done(change, AdminException::notFound);
          return AdminReply.deleted();
        });
  }

  private static List<AclRule> done(AclChange change, Function<String, AdminException> failure) {
    if (!change.done()) {
      throw failure.apply(change.refusal());
    }
    return change.rules();
  }

  /** A rule from its JSON; every problem is an {@link AdminError#INVALID_PARAMETER} that says which. */
  static AclRule rule(JsonBody o) {
    try {
      return new AclRule(
          o.text("permission").map(AclPermission::parse).orElse(null),
          o.text("action").map(AclAction::parse).orElse(null),
          o.text("topic").orElse(null),
          o.text("username").orElse(null),
          o.text("clientid").orElse(null));
    } catch (IllegalArgumentException e) {
      throw AdminException.invalid(e.getMessage());
    }
  }

  static JsonObject json(AclRule r) {
    JsonObject o = new JsonObject()
        .put("permission", r.permission().wireName())
        .put("action", r.action().wireName())
        .put("topic", r.topic());
    if (r.username() != null) {
      o.put("username", r.username());
    }
    if (r.clientId() != null) {
      o.put("clientid", r.clientId());
    }
    return o;
  }

  private static JsonObject json(List<AclRule> rules) {
    return AdminJson.list("rules", rules, AclRoutes::json);
  }
}
