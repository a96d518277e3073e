package io.tenantmq.gateway.admin;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.gateway.common.Stages;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code /tenants/:tenantId/credentials} (issue, list) and {@code /credentials/:credentialId} (get, revoke). The
 * secret of a credential is in the answer to its creation and nowhere else.
 */
final class CredentialRoutes {

  private static final Pattern CREDENTIAL_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
  private static final String KINDS = Arrays.stream(CredentialKind.values())
      .map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));

  private final ControlPlane control;
  private final Lookups lookups;

  CredentialRoutes(ControlPlane control, Lookups lookups) {
    this.control = control;
    this.lookups = lookups;
  }

  void mount(Router router) {
    router.post("/tenants/:tenantId/credentials").handler(AdminApi.action(this::create));
    router.get("/tenants/:tenantId/credentials").handler(AdminApi.action(this::list));
    router.get("/credentials/:credentialId").handler(AdminApi.action(this::get));
    router.delete("/credentials/:credentialId").handler(AdminApi.action(this::revoke));
  }

  private Future<AdminReply> create(RoutingContext ctx) {
    String tenantId = Lookups.tenantIdParam(ctx);
    JsonBody body = JsonBody.parse(ctx, Set.of("kind", "instanceId", "remark"));
    CredentialKind kind = body.text("kind").map(CredentialRoutes::kind).orElse(CredentialKind.TENCENT);
    Optional<String> instanceId = body.text("instanceId").map(v -> Check.label("instanceId", v));
    String remark = body.text("remark").map(v -> Check.text("remark", v, Check.MAX_REMARK_LENGTH)).orElse("");
    if (kind == CredentialKind.EMQX && instanceId.isEmpty()) {
      // an EMQX API key acts on one broker, as in EMQX itself: the API has no instance parameter to choose with
      throw AdminException.invalid("an EMQX API key belongs to one instance: instanceId is required");
    }
    return lookups.tenant(ctx, tenantId)
        .compose(t -> instanceId.isEmpty() ? Future.succeededFuture() : checkScope(ctx, tenantId, instanceId.get()))
        .compose(ok -> Stages.on(ctx, control.credentials().issue(tenantId, kind, instanceId.orElse(null), remark)))
        .map(issued -> AdminReply.created(AdminJson.issued(issued)));
  }

  /** A credential may be scoped to an instance of its own tenant only. */
  private Future<Void> checkScope(RoutingContext ctx, String tenantId, String instanceId) {
    return Stages.on(ctx, control.tenants().instance(instanceId)).map(found -> {
      if (found.map(Instance::tenantId).filter(tenantId::equals).isEmpty()) {
        throw AdminException.invalid("instanceId '" + instanceId + "' is not an instance of tenant '" + tenantId + "'");
      }
      return null;
    });
  }

  private Future<AdminReply> list(RoutingContext ctx) {
    String tenantId = Lookups.tenantIdParam(ctx);
    return lookups.tenant(ctx, tenantId)
        .compose(t -> Stages.on(ctx, control.credentials().list(tenantId)))
        .map(found -> AdminReply.ok(AdminJson.list("credentials", found, AdminJson::credential)));
  }

  private Future<AdminReply> get(RoutingContext ctx) {
    String credentialId = credentialIdParam(ctx);
    return Stages.on(ctx, control.credentials().get(credentialId))
        .map(found -> AdminReply.ok(AdminJson.credential(found.orElseThrow(() -> notFound(credentialId)))));
  }

  private Future<AdminReply> revoke(RoutingContext ctx) {
    String credentialId = credentialIdParam(ctx);
    return Stages.on(ctx, control.credentials().revoke(credentialId)).map(revoked -> {
      if (!revoked) {
        throw notFound(credentialId);
      }
      return AdminReply.deleted();
    });
  }

  private static CredentialKind kind(String value) {
    try {
      return CredentialKind.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw AdminException.invalid("kind must be one of " + KINDS + ", was '" + value + "'");
    }
  }

  private static String credentialIdParam(RoutingContext ctx) {
    return Check.matching("credentialId", ctx.pathParam("credentialId"), CREDENTIAL_ID, "1 to 64 letters and digits");
  }

  private static AdminException notFound(String credentialId) {
    return AdminException.notFound("credential '" + credentialId + "' does not exist");
  }
}
