package io.tenantmq.gateway.admin;

import io.tenantmq.control.credential.Credential;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.control.user.MqttUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The admin API's JSON for each domain record, in one place. No renderer here ever writes a stored secret, a
 * password or a hash; only {@link #issued} carries a secret, the one time it is shown.
 */
final class AdminJson {

  private AdminJson() {
  }

  static JsonObject tenant(Tenant t) {
    return new JsonObject()
        .put("tenantId", t.tenantId())
        .put("name", t.name())
        .put("createdAtMillis", t.createdAtMillis());
  }

  static JsonObject instance(Instance i) {
    return new JsonObject()
        .put("instanceId", i.instanceId())
        .put("tenantId", i.tenantId())
        .put("name", i.name())
        .put("remark", i.remark())
        .put("anonymousLoopback", i.anonymousLoopback())
        .put("createdAtMillis", i.createdAtMillis());
  }

  static JsonObject credential(Credential c) {
    return new JsonObject()
        .put("credentialId", c.credentialId())
        .put("tenantId", c.tenantId())
        .put("kind", c.kind().name().toLowerCase(Locale.ROOT))
        .put("instanceId", c.instanceId())
        .put("remark", c.remark())
        .put("createdAtMillis", c.createdAtMillis());
  }

  static JsonObject issued(IssuedCredential issued) {
    return credential(issued.credential()).put("secret", issued.secret());
  }

  static JsonObject user(MqttUser u) {
    return new JsonObject()
        .put("instanceId", u.instanceId())
        .put("username", u.username())
        .put("permRead", u.permRead())
        .put("permWrite", u.permWrite())
        .put("remark", u.remark())
        .put("createdAtMillis", u.createdAtMillis())
        .put("modifiedAtMillis", u.modifiedAtMillis());
  }

  /** {@code {"<field>": [ … ]}}: lists are wrapped so that fields can be added beside them later. */
  static <T> JsonObject list(String field, List<T> items, Function<T, JsonObject> render) {
    JsonArray array = new JsonArray();
    items.forEach(item -> array.add(render.apply(item)));
    return new JsonObject().put(field, array);
  }

  static JsonObject error(AdminError error, String message) {
    return new JsonObject().put("error", new JsonObject().put("code", error.name()).put("message", message));
  }
}
