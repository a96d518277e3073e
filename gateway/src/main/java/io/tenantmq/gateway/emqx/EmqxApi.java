package io.tenantmq.gateway.emqx;

import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.emqx.v4.V4Api;
import io.tenantmq.gateway.emqx.v5.V5Api;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.BiConsumer;

/**
 * Mounts the EMQX dialect: {@code /api/v5/*}, {@code /api/v4/*} and {@code /api/v3/*}, every route behind
 * {@link ApiKeyAuth}.
 */
public final class EmqxApi {

  /** Bodies up to 1 MB: a bulk publish of many messages fits, a runaway upload does not. */
  public static final long MAX_BODY_BYTES = 1024 * 1024;

  private EmqxApi() {
  }

  public static void mount(Router router, GatewayContext context) {
    ApiKeyAuth auth = new ApiKeyAuth(context.control());
    router.route("/api/v5/*").subRouter(version(context, auth, V5Api::mount));
    // EMQX 4 serves /api/v4; EMQX 3's /api/v3 back ends get the same routes
    router.route("/api/v4/*").subRouter(version(context, auth, V4Api::mount));
    router.route("/api/v3/*").subRouter(version(context, auth, V4Api::mount));
  }

  /** One API version's routes behind the body reader and the API-key check. */
  private static Router version(GatewayContext context, ApiKeyAuth auth, BiConsumer<Router, GatewayContext> routes) {
    Router api = Router.router(context.vertx());
    api.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(auth);
    routes.accept(api, context);
    return api;
  }
}
