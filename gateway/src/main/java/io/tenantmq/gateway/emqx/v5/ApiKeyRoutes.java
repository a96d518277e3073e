package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.credential.Credential;
import io.tenantmq.control.credential.CredentialChange;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.EmqxTimes;
import io.tenantmq.gateway.emqx.Reply;
import io.tenantmq.gateway.emqx.RequestBody;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * {@code /api_key} and {@code /api_key/{name}}: the instance's EMQX API keys, as emqx_mgmt_api_api_keys.erl (5.8)
 * manages them. A key is {@code {name, api_key, expired_at, created_at, desc, enable, expired}}; its secret is in the
 * answer to the POST that made it and nowhere else. Errors: 400 BAD_REQUEST (a malformed name, expired_at or body;
 * {@code name_already_existed}), 404 {@code {"code":"NOT_FOUND","message":"Name NOT FOUND"}}.
 *
 * <p>EMQX lets only dashboard users manage keys; here the API key is the only login a tenant has, so a key may manage
 * its instance's keys, itself included (a deleted or disabled key is refused from its next request on).
 */
final class ApiKeyRoutes {

  static final int MAX_NAME_LENGTH = 256;
  static final String NAME_RULE = "^[A-Za-z]+[A-Za-z0-9-_]*$";
  private static final Pattern NAME = Pattern.compile(NAME_RULE);
  private static final String INFINITY = "infinity";

  private final InstanceApiKeys keys;

  ApiKeyRoutes(GatewayContext context) {
    this.keys = new InstanceApiKeys(context.control());
  }

  void mount(Router v5) {
    v5.get("/api_key").handler(Reply.of(this::list));
    v5.post("/api_key").handler(Reply.of(this::create));
    v5.get("/api_key/:name").handler(Reply.of(this::get));
    v5.put("/api_key/:name").handler(Reply.of(this::update));
    v5.delete("/api_key/:name").handler(Reply.of(this::delete));
  }

  private Future<Reply> list(RoutingContext ctx) {
    return keys.list(ctx).map(found -> {
      JsonArray data = new JsonArray();
      found.forEach(c -> data.add(format(c)));
      return Reply.ok(data);
    });
  }

  private Future<Reply> create(RoutingContext ctx) {
    JsonObject body = RequestBody.object(ctx);
    String name = checkedName(RequestBody.text(body, "name"));
    CredentialChange settings = new CredentialChange(description(body), expiresAtMillis(body),
        !RequestBody.bool(body, "enable", true));
    return keys.create(ctx, name, settings).map(issued ->
        Reply.ok(format(issued.credential()).put("api_secret", issued.secret())));
  }

  private Future<Reply> get(RoutingContext ctx) {
    return keys.named(ctx, pathName(ctx)).map(c -> Reply.ok(format(c)));
  }

  /** As EMQX: {@code enable} and {@code desc} change when given; {@code expired_at} is set, to infinity when absent. */
  private Future<Reply> update(RoutingContext ctx) {
    String name = pathName(ctx);
    JsonObject body = RequestBody.object(ctx);
    Boolean enable = body.getValue("enable") == null ? null : RequestBody.bool(body, "enable", true);
    CredentialChange change = new CredentialChange(body.getValue("desc") == null ? null : description(body),
        expiresAtMillis(body), enable == null ? null : !enable);
    return keys.update(ctx, name, change).map(c -> Reply.ok(format(c)));
  }

  private Future<Reply> delete(RoutingContext ctx) {
    return keys.delete(ctx, pathName(ctx)).map(deleted -> Reply.noContent());
  }

  static JsonObject format(Credential c) {
    long now = System.currentTimeMillis();
    return new JsonObject()
        .put("name", c.remark())
        .put("api_key", c.credentialId())
        .put("expired_at", c.expiresAtMillis() == 0 ? INFINITY : EmqxTimes.rfc3339Seconds(c.expiresAtMillis()))
        .put("created_at", EmqxTimes.rfc3339Seconds(c.createdAtMillis()))
        .put("desc", c.description())
        .put("enable", !c.disabled())
        .put("expired", c.expiresAtMillis() != 0 && c.expiresAtMillis() < now);
  }

  private static String pathName(RoutingContext ctx) {
    return checkedName(ctx.pathParam("name"));
  }

  /** EMQX's name rule, with its messages. */
  static String checkedName(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw EmqxException.badRequest("Name Length must =< " + MAX_NAME_LENGTH);
    }
    if (!NAME.matcher(name).matches()) {
      throw EmqxException.badRequest("Name should be " + NAME_RULE);
    }
    return name;
  }

  private static String description(JsonObject body) {
    return body.getValue("desc") == null ? "" : RequestBody.text(body, "desc");
  }

  /**
   * {@code expired_at}: {@code "infinity"} (also when absent), an RFC 3339 date-time or epoch seconds (a number or its
   * digits), in epoch ms with 0 for never.
   */
  static long expiresAtMillis(JsonObject body) {
    Object value = body.getValue("expired_at");
    if (value == null || INFINITY.equals(value)) {
      return 0;
    }
    return Math.max(1, RequestBody.epochSecondsAsMillis(body, "expired_at", "\"infinity\", "));
  }
}
