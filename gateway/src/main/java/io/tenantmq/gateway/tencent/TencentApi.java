package io.tenantmq.gateway.tencent;

import io.tenantmq.gateway.GatewayContext;
import io.vertx.ext.web.Router;

/** The Tencent Cloud API 3.0 dialect: {@code POST /} (and form-encoded GET) signed with TC3-HMAC-SHA256. */
public final class TencentApi {

  private TencentApi() {
  }

  public static void mount(Router router, GatewayContext context) {
    // routes land with the Tencent action API
  }
}
