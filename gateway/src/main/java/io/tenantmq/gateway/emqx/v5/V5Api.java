package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.events.EventStreamRoutes;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The routes of {@code /api/v5} (mounted behind the API-key check) and its error shape. */
public final class V5Api {

  private static final Logger LOG = LoggerFactory.getLogger(V5Api.class);

  private V5Api() {
  }

  public static void mount(Router v5, GatewayContext context) {
    new ClientRoutes(context).mount(v5);
    new ClientSessionRoutes(context).mount(v5);
    new PublishRoutes(context).mount(v5);
    new SubscriptionRoutes(context).mount(v5);
    new TopicRoutes(context).mount(v5);
    new ApiKeyRoutes(context).mount(v5);
    new NodeRoutes(context).mount(v5);
    new StatsRoutes(context).mount(v5);
    new BannedRoutes(context).mount(v5);
    new AuthzRoutes(context).mount(v5);
    EventStreamRoutes.mount(v5, context);
    v5.route().handler(ctx -> ctx.fail(new EmqxException(404, "NOT_FOUND", "Request Path Not Found")));
    v5.route().failureHandler(V5Api::failure);
  }

  /** Writes {@code {"code", "message"}} with the error's status; anything unexpected is a 500 that says nothing. */
  static void failure(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    EmqxException error;
    if (ctx.failure() instanceof EmqxException e) {
      error = e;
    } else if (ctx.failure() instanceof IllegalArgumentException e) {
      error = EmqxException.badRequest(e.getMessage());
    } else if (ctx.failure() == null) {
      // a status set by Vert.x itself: 413 from the body limit, 405, ...
      int status = ctx.statusCode();
      error = new EmqxException(status, status == 413 ? "BAD_REQUEST" : "NOT_FOUND",
          status == 413 ? "Request body too large" : "Request Path Not Found");
    } else {
      LOG.warn("EMQX API request {} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
      error = new EmqxException(500, "INTERNAL_ERROR", "internal error");
    }
    ctx.response().setStatusCode(error.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("code", error.code()).put("message", error.getMessage()).encode());
  }
}
