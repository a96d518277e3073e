package io.tenantmq.gateway.emqx;

import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.emqx.v5.V5Api;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** Mounts the EMQX dialect: {@code /api/v5/*}, every route behind {@link ApiKeyAuth}. */
public final class EmqxApi {

  /** Bodies up to 1 MB: a bulk publish of many messages fits, a runaway upload does not. */
  public static final long MAX_BODY_BYTES = 1024 * 1024;

  private EmqxApi() {
  }

  public static void mount(Router router, GatewayContext context) {
    ApiKeyAuth auth = new ApiKeyAuth(context.control());
    Router v5 = Router.router(context.vertx());
    v5.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(auth);
    V5Api.mount(v5, context);
    router.route("/api/v5/*").subRouter(v5);
  }
}
