package io.tenantmq.gateway.aliyun;

import io.tenantmq.gateway.GatewayContext;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the Alibaba Cloud dialect's plain HTTP endpoints: the token server ({@code /token/apply},
 * {@code /token/revoke}; POST with form fields as the demos send them, or GET with a query, which Aliyun's document
 * allows for testing) and {@code GET /route/clientId/get}.
 */
public final class AliyunApi {

  /** Form bodies up to 1 MB: 100 topics of a token fit, a runaway upload does not. */
  public static final long MAX_BODY_BYTES = 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(AliyunApi.class);

  private AliyunApi() {
  }

  public static void mount(Router router, GatewayContext context) {
    mount(router, context, Clock.systemUTC());
  }

  /** With the clock the ±5 minute window is checked against (tests pin it to replay recorded requests). */
  static void mount(Router router, GatewayContext context, Clock clock) {
    Handler<RoutingContext> body = bodyOfPost();
    router.route("/token/apply").method(HttpMethod.POST).method(HttpMethod.GET)
        .handler(body).handler(new TokenApply(context.control(), clock))
        .failureHandler(AliyunApi::bodyFailure);
    router.route("/token/revoke").method(HttpMethod.POST).method(HttpMethod.GET)
        .handler(body).handler(new TokenRevoke(context.control(), clock))
        .failureHandler(AliyunApi::bodyFailure);
    router.get("/route/clientId/get").handler(new RouteClientIdGet(context.control(), clock));
  }

  /** A body the body handler refused (too large, unreadable), or a bug, answered in the token server's envelope. */
  private static void bodyFailure(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    switch (ctx.statusCode()) {
      case 413 -> new TokenServerReply(413, "request body larger than " + MAX_BODY_BYTES + " bytes", null).send(ctx);
      case 400 -> TokenServerReply.badRequest("unreadable request body").send(ctx);
      default -> {
        LOG.warn("token server request {} failed", ctx.request().path(), ctx.failure());
        new TokenServerReply(500, "internal error", null).send(ctx);
      }
    }
  }

  /** Reads a POST's form (URL-encoded or multipart); a GET has no body, and the body handler would fail it. */
  private static Handler<RoutingContext> bodyOfPost() {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    return ctx -> {
      if (ctx.request().method() == HttpMethod.POST) {
        body.handle(ctx);
      } else {
        ctx.next();
      }
    };
  }
}
