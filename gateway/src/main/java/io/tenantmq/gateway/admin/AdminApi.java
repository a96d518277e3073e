package io.tenantmq.gateway.admin;

import io.tenantmq.gateway.GatewayContext;
import io.vertx.ext.web.Router;

/** The operator's administration API under {@code /admin/v1}, protected by the operator token. */
public final class AdminApi {

  private AdminApi() {
  }

  public static void mount(Router router, GatewayContext context) {
    // routes land with the admin API
  }
}
