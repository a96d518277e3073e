package io.tenantmq.gateway.emqx;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * What a route answers: a status and a JSON body (a {@code JsonObject}, {@code JsonArray} or null for no body).
 * Errors are not replies: routes throw or fail with {@link EmqxException}, and each API version's failure handler
 * writes them in its own shape.
 */
public record Reply(int status, Object body) {

  public static Reply ok(Object body) {
    return new Reply(200, body);
  }

  public static Reply noContent() {
    return new Reply(204, null);
  }

  /** A handler that runs {@code route} and writes its reply; a thrown or failed error goes to the failure handler. */
  public static Handler<RoutingContext> of(Function<RoutingContext, Future<Reply>> route) {
    return ctx -> {
      Future<Reply> reply;
      try {
        reply = route.apply(ctx);
      } catch (RuntimeException e) {
        ctx.fail(e);
        return;
      }
      reply.onSuccess(r -> r.write(ctx)).onFailure(ctx::fail);
    };
  }

  public void write(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status);
    if (body == null) {
      ctx.response().end();
    } else {
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Json.encode(body));
    }
  }
}
