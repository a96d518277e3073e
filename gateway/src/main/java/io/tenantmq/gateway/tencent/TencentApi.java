package io.tenantmq.gateway.tencent;

import io.tenantmq.gateway.GatewayContext;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;

/** The Tencent Cloud API 3.0 dialect: {@code POST /} (and form-encoded GET) signed with TC3-HMAC-SHA256. */
public final class TencentApi {

  /** The largest body API 3.0 accepts for a POST (10 MB). */
  public static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

  private TencentApi() {
  }

  public static void mount(Router router, GatewayContext context) {
    mount(router, context, Clock.systemUTC());
  }

  /** With the clock the ±300 s window is checked against (tests pin it to replay recorded requests). */
  static void mount(Router router, GatewayContext context, Clock clock) {
    TencentRequestHandler handler = new TencentRequestHandler(context, TencentActions.table(), clock);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    router.route("/")
        // only a POST has a body; the body handler fails a form-encoded GET, which is allowed here
        .handler(rc -> {
          if (rc.request().method() == HttpMethod.POST) {
            body.handle(rc);
          } else {
            rc.next();
          }
        })
        .handler(handler)
        .failureHandler(handler::failure);
  }
}
