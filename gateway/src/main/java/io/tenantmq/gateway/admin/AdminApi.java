package io.tenantmq.gateway.admin;

import io.tenantmq.gateway.GatewayContext;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's administration API under {@code /admin/v1}, protected by the operator token. The chain is fixed:
 * token → body → action; every error, including an unknown path, is {@code {"error":{"code","message"}}}.
 */
public final class AdminApi {

  public static final String PREFIX = "/admin/v1";
  /** Admin bodies are a handful of fields. */
  public static final long MAX_BODY_BYTES = 16 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

  private AdminApi() {
  }

  public static void mount(Router router, GatewayContext context) {
    Router admin = Router.router(context.vertx());
    // the token comes before the body, so that nobody without it can make the node buffer anything
    admin.route().handler(new OperatorTokenAuth(context.options().getAdminToken()));
    admin.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    Lookups lookups = new Lookups(context.control());
    new TenantRoutes(context.control(), lookups).mount(admin);
    new InstanceRoutes(context.control(), lookups).mount(admin);
    new CredentialRoutes(context.control(), lookups).mount(admin);
    new UserRoutes(context.control(), lookups).mount(admin);
    new AclRoutes(context.control(), lookups).mount(admin);
    new QuotaRoutes(context.control(), lookups).mount(admin);
    admin.route().last().handler(ctx -> ctx.fail(AdminException.notFound(
        "no admin endpoint " + ctx.request().method() + " " + ctx.request().path())));
    admin.route().failureHandler(AdminApi::renderFailure);
    router.route(PREFIX + "/*").subRouter(admin);
  }

  /** Runs {@code action} and writes its reply; a thrown or failed {@link AdminException} goes to the failure handler. */
  static Handler<RoutingContext> action(AdminAction action) {
    return ctx -> {
      Future<AdminReply> reply;
      try {
        reply = action.handle(ctx);
      } catch (AdminException e) {
        ctx.fail(e);
        return;
      }
      reply.onSuccess(r -> write(ctx, r.status(), r.body() == null ? null : r.body().encode())).onFailure(ctx::fail);
    };
  }

  private static void renderFailure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    while (failure instanceof CompletionException && failure.getCause() != null) {
      failure = failure.getCause();
    }
    AdminError error;
    String message;
    if (failure instanceof AdminException e) {
      error = e.error();
      message = e.getMessage();
    } else if (ctx.statusCode() == 413) {
      error = AdminError.BODY_TOO_LARGE;
      message = "the body exceeds " + MAX_BODY_BYTES + " bytes";
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      error = AdminError.INVALID_PARAMETER;
      message = "the request is malformed";
    } else {
      error = AdminError.INTERNAL;
      message = "internal error";
      // paths carry ids, never secrets; bodies (passwords) are not logged
      LOG.error("admin {} {} failed", ctx.request().method(), ctx.request().path(), failure);
    }
    write(ctx, error.httpStatus(), AdminJson.error(error, message).encode());
  }

  private static void write(RoutingContext ctx, int status, String body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status);
    if (body == null) {
      ctx.response().end();
    } else {
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
    }
  }
}
