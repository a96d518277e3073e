package io.tenantmq.gateway.emqx.v4;

import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.emqx.EmqxException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of {@code /api/v4} and {@code /api/v3} (mounted behind the API-key check) and their error shapes: v4
 * codes in an HTTP 200 envelope, and minirest's plain-text answers where EMQX never reaches a handler.
 */
public final class V4Api {

  private static final Logger LOG = LoggerFactory.getLogger(V4Api.class);

  private V4Api() {
  }

  public static void mount(Router v4, GatewayContext context) {
    new ClientRoutes(context).mount(v4);
    new PubSubRoutes(context).mount(v4);
    v4.route().handler(ctx -> ctx.fail(new HttpException(404, "Not found.")));
    v4.route().failureHandler(V4Api::failure);
  }

  static void failure(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    Throwable failure = ctx.failure();
    if (failure instanceof V4Exception e) {
      V4Reply.failed(e.code(), e.getMessage()).write(ctx);
    } else if (failure instanceof EmqxException e && e.status() == 401) {
      // minirest: any refused authorization, whatever the header was
      response.putHeader("WWW-Authenticate", "Basic Realm=\"minirest-server\"");
      text(ctx, 401, "UNAUTHORIZED");
    } else if (failure instanceof EmqxException e && e.status() == 400) {
      // the shared readers' schema errors: v4 calls a value it cannot convert a parameter type error
      V4Reply.failed(V4Code.PARAM_TYPE, e.getMessage()).write(ctx);
    } else if (failure instanceof EmqxException e) {
      V4Reply.failed(V4Code.UNKNOWN, e.getMessage()).write(ctx);
    } else if (failure instanceof HttpException e) {
      text(ctx, e.getStatusCode(), e.getPayload());
    } else if (failure == null) {
      // a status set by Vert.x itself: 413 from the body limit, 405, ...
      int status = ctx.statusCode();
      text(ctx, status, status == 413 ? "Request Entity Too Large" : "Not found.");
    } else {
      LOG.warn("EMQX v4 API request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
      text(ctx, 500, "Internal Error");
    }
  }

  private static void text(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end(body);
  }
}
