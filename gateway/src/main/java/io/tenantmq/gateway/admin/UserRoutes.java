package io.tenantmq.gateway.admin;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.user.MqttUser;
import io.tenantmq.control.user.UserKey;
import io.tenantmq.gateway.common.Stages;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** {@code /instances/:instanceId/users}: the MQTT users of an instance. A password goes in and never comes out. */
final class UserRoutes {

  static final int MAX_PASSWORD_LENGTH = 128;

  private final ControlPlane control;
  private final Lookups lookups;

  UserRoutes(ControlPlane control, Lookups lookups) {
    this.control = control;
    this.lookups = lookups;
  }

  void mount(Router router) {
    router.post("/instances/:instanceId/users").handler(AdminApi.action(this::create));
    router.get("/instances/:instanceId/users").handler(AdminApi.action(this::list));
    router.delete("/instances/:instanceId/users/:username").handler(AdminApi.action(this::delete));
  }

  private Future<AdminReply> create(RoutingContext ctx) {
    String instanceId = Lookups.instanceIdParam(ctx);
    JsonBody body = JsonBody.parse(ctx, Set.of("username", "password", "permRead", "permWrite", "remark"));
    String username = username(body.requiredText("username"));
    String password = body.requiredText("password");
    if (password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
      throw AdminException.invalid("password must be 1 to " + MAX_PASSWORD_LENGTH + " characters");
    }
    boolean read = body.flag("permRead").orElse(true);
    boolean write = body.flag("permWrite").orElse(true);
    String remark = body.text("remark").map(v -> Check.text("remark", v, Check.MAX_REMARK_LENGTH)).orElse("");
    return lookups.instance(ctx, instanceId)
        // hashing costs milliseconds of CPU: a worker's job, not the event loop's
        .compose(i -> Stages.on(ctx, CompletableFuture.supplyAsync(() -> MqttUser.create(instanceId, username, password,
            read, write, remark, System.currentTimeMillis()), control.workerExecutor())))
        .compose(user -> Stages.on(ctx, control.users().create(user)).map(created -> {
          if (!created) {
            throw AdminException.exists("user '" + username + "' of instance '" + instanceId + "' already exists");
          }
          return AdminReply.created(AdminJson.user(user));
        }));
  }

  private Future<AdminReply> list(RoutingContext ctx) {
    String instanceId = Lookups.instanceIdParam(ctx);
    return lookups.instance(ctx, instanceId)
        .compose(i -> Stages.on(ctx, control.users().list(instanceId)))
        .map(found -> AdminReply.ok(AdminJson.list("users", found, AdminJson::user)));
  }

  private Future<AdminReply> delete(RoutingContext ctx) {
    String instanceId = Lookups.instanceIdParam(ctx);
    String username = username(ctx.pathParam("username"));
    return lookups.instance(ctx, instanceId)
        .compose(i -> Stages.on(ctx, control.users().delete(new UserKey(instanceId, username))))
        .map(deleted -> {
          if (!deleted) {
            throw AdminException.notFound("user '" + username + "' of instance '" + instanceId + "' does not exist");
          }
          return AdminReply.deleted();
        });
  }

  private static String username(String value) {
    return Check.matching("username", value, MqttUser.USERNAME_PATTERN, MqttUser.USERNAME_RULE);
  }
}
