package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.acl.AclAction;
import io.tenantmq.control.acl.AclPermission;
import io.tenantmq.control.acl.AclRule;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.common.Stages;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /authorization/sources/built_in_database/rules/…}: EMQX 5's built-in database authorization rules, on the
 * caller's instance's topic ACL (the same rules as the admin API's {@code /instances/{id}/acl}). EMQX keeps three
 * kinds, checked clients first, then users, then all: here each kind is a group of the instance's one ordered list,
 * replaced in place, and a new group goes where EMQX would check it ({@code TopicAcl#replaceGroup}). Rules are
 * {@code {"topic","permission","action"}}; {@code qos} and {@code retain} conditions are not supported (only their
 * defaults are accepted).
 */
final class AuthzRoutes {

  private static final String BASE = "/authorization/sources/built_in_database/rules";

  private final ControlPlane control;

  AuthzRoutes(GatewayContext context) {
    this.control = context.control();
  }

  /** One of EMQX's three kinds: {@code field} is {@code username} or {@code clientid}, null for all. */
  private record Kind(String field, String plural) {
    String username(String who) {
      return "username".equals(field) ? who : null;
    }

    String clientId(String who) {
      return "clientid".equals(field) ? who : null;
    }

    String whoOf(AclRule r) {
      return "username".equals(field) ? r.username() : r.clientId();
    }

    boolean holds(AclRule r) {
      return "username".equals(field) ? r.username() != null : r.clientId() != null;
    }
  }

  private static final Kind USERS = new Kind("username", "Users");
  private static final Kind CLIENTS = new Kind("clientid", "Clients");

  void mount(Router v5) {
    v5.get(BASE + "/all").handler(Reply.of(this::getAll));
    v5.post(BASE + "/all").handler(Reply.of(this::setAll));
    v5.delete(BASE + "/all").handler(Reply.of(this::deleteAll));
    for (Kind kind : List.of(USERS, CLIENTS)) {
      String path = BASE + ("username".equals(kind.field()) ? "/users" : "/clients");
      v5.get(path).handler(Reply.of(ctx -> list(ctx, kind)));
      v5.post(path).handler(Reply.of(ctx -> create(ctx, kind)));
      v5.get(path + "/:who").handler(Reply.of(ctx -> get(ctx, kind)));
      v5.put(path + "/:who").handler(Reply.of(ctx -> put(ctx, kind)));
      v5.delete(path + "/:who").handler(Reply.of(ctx -> delete(ctx, kind)));
    }
  }

  private Future<List<AclRule>> rules(RoutingContext ctx) {
    return Stages.on(ctx, control.acl().rules(EmqxScope.of(ctx).instanceId()));
  }

  private Future<Void> replace(RoutingContext ctx, String username, String clientId, List<AclRule> group) {
    return Stages.on(ctx, control.acl().replaceGroup(EmqxScope.of(ctx).instanceId(), username, clientId, group))
        .map(change -> {
          if (!change.done()) {
            throw EmqxException.invalidParameter(change.refusal());
          }
          return null;
        });
  }

  private Future<Reply> getAll(RoutingContext ctx) {
    return rules(ctx).map(all -> Reply.ok(new JsonObject().put("rules",
        format(all.stream().filter(r -> r.isFor(null, null)).toList()))));
  }

  private Future<Reply> setAll(RoutingContext ctx) {
    List<AclRule> group = parseRules(RequestBody.object(ctx), null, null);
    return replace(ctx, null, null, group).map(done -> Reply.noContent());
  }

  private Future<Reply> deleteAll(RoutingContext ctx) {
    return replace(ctx, null, null, List.of()).map(done -> Reply.noContent());
  }

  private Future<Reply> list(RoutingContext ctx, Kind kind) {
    ListPage page = ListPage.of(QueryParams.of(ctx));
    String like = QueryParams.of(ctx).text("like_" + kind.field()).orElse(null);
    return rules(ctx).map(all -> {
      Map<String, List<AclRule>> byWho = new LinkedHashMap<>();
      all.stream().filter(kind::holds).forEach(r -> byWho.computeIfAbsent(kind.whoOf(r), w -> new ArrayList<>()).add(r));
      List<JsonObject> groups = byWho.entrySet().stream()
          .filter(e -> like == null || e.getKey().contains(like))
          .map(e -> new JsonObject().put(kind.field(), e.getKey()).put("rules", format(e.getValue()))).toList();
      return Reply.ok(page.answer(groups, g -> g));
    });
  }

  private Future<Reply> create(RoutingContext ctx, Kind kind) {
    JsonArray body = RequestBody.array(ctx);
    Map<String, List<AclRule>> groups = new LinkedHashMap<>();
    for (int i = 0; i < body.size(); i++) {
      if (!(body.getValue(i) instanceof JsonObject o)) {
        throw EmqxException.badRequest("[" + i + "]: expected an object");
      }
      String who = RequestBody.text(o, kind.field());
      groups.put(who, parseRules(o, kind.username(who), kind.clientId(who)));
    }
    return rules(ctx).compose(all -> {
      List<String> exist = groups.keySet().stream()
          .filter(who -> all.stream().anyMatch(r -> r.isFor(kind.username(who), kind.clientId(who)))).toList();
      if (!exist.isEmpty()) {
        throw new EmqxException(409, "ALREADY_EXISTS", kind.plural() + " '" + String.join(",", exist)
            + "' already exist");
      }
      Future<Void> chain = Future.succeededFuture();
      for (Map.Entry<String, List<AclRule>> e : groups.entrySet()) {
        chain = chain.compose(v -> replace(ctx, kind.username(e.getKey()), kind.clientId(e.getKey()), e.getValue()));
      }
      return chain.map(done -> Reply.noContent());
    });
  }

  private Future<Reply> get(RoutingContext ctx, Kind kind) {
    String who = ctx.pathParam("who");
    return rules(ctx).map(all -> {
      List<AclRule> group = all.stream().filter(r -> r.isFor(kind.username(who), kind.clientId(who))).toList();
      if (group.isEmpty()) {
        throw EmqxException.notFound("NOT_FOUND", "Not Found");
      }
      return Reply.ok(new JsonObject().put(kind.field(), who).put("rules", format(group)));
    });
  }

  private Future<Reply> put(RoutingContext ctx, Kind kind) {
    String who = ctx.pathParam("who");
    JsonObject body = RequestBody.object(ctx);
    Object named = body.getValue(kind.field());
    if (named != null && !who.equals(named)) {
      throw EmqxException.badRequest(kind.field() + ": must be the one in the path");
    }
    List<AclRule> group = parseRules(body, kind.username(who), kind.clientId(who));
    return replace(ctx, kind.username(who), kind.clientId(who), group).map(done -> Reply.noContent());
  }

  private Future<Reply> delete(RoutingContext ctx, Kind kind) {
    String who = ctx.pathParam("who");
    return rules(ctx).compose(all -> {
      if (all.stream().noneMatch(r -> r.isFor(kind.username(who), kind.clientId(who)))) {
        throw EmqxException.notFound("NOT_FOUND", ("username".equals(kind.field()) ? "Username" : "ClientID")
            + " Not Found");
      }
      return replace(ctx, kind.username(who), kind.clientId(who), List.of()).map(done -> Reply.noContent());
    });
  }

  /** The {@code rules} array of {@code body}, every rule for the given who. */
  private static List<AclRule> parseRules(JsonObject body, String username, String clientId) {
    if (!(body.getValue("rules") instanceof JsonArray array)) {
      throw EmqxException.badRequest("rules: " + (body.getValue("rules") == null ? "required field missing"
          : "expected an array"));
    }
    List<AclRule> rules = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject o)) {
        throw EmqxException.badRequest("rules[" + i + "]: expected an object");
      }
      try {
        unsupportedCondition(o, "qos", new JsonArray(List.of(0, 1, 2)));
        unsupportedCondition(o, "retain", "all");
        rules.add(new AclRule(AclPermission.parse(RequestBody.text(o, "permission")),
            AclAction.parse(RequestBody.text(o, "action")), RequestBody.text(o, "topic"), username, clientId));
      } catch (IllegalArgumentException e) {
        throw EmqxException.badRequest("rules[" + i + "]: " + e.getMessage());
      }
    }
    return rules;
  }

  private static void unsupportedCondition(JsonObject rule, String field, Object onlyValue) {
    Object value = rule.getValue(field);
    if (value != null && !value.equals(onlyValue)) {
      throw new IllegalArgumentException(field + " conditions are not supported; leave it out (" + onlyValue + ")");
    }
  }

  private static JsonArray format(List<AclRule> rules) {
    JsonArray array = new JsonArray();
    rules.forEach(r -> array.add(new JsonObject().put("topic", r.topic()).put("permission", r.permission().wireName())
        .put("action", r.action().wireName())));
    return array;
  }
}
