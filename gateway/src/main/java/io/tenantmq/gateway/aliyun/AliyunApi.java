package io.tenantmq.gateway.aliyun;

import io.tenantmq.gateway.GatewayContext;
import io.vertx.ext.web.Router;
import java.time.Clock;

/**
 * Mounts the Alibaba Cloud dialect's plain HTTP endpoints: {@code GET /route/clientId/get}.
 */
public final class AliyunApi {

  private AliyunApi() {
  }

  public static void mount(Router router, GatewayContext context) {
    mount(router, context, Clock.systemUTC());
  }

  /** With the clock the ±5 minute window is checked against (tests pin it to replay recorded requests). */
  static void mount(Router router, GatewayContext context, Clock clock) {
    router.get("/route/clientId/get").handler(new RouteClientIdGet(context.control(), clock));
  }
}
