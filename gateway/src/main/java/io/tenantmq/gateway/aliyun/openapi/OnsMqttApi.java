package io.tenantmq.gateway.aliyun.openapi;

import io.tenantmq.gateway.GatewayContext;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;

/**
 * Alibaba Cloud's OnsMqtt OpenAPI (version 2020-04-20, RPC style) on {@code GET /} and {@code POST /}. Mount it
 * before the Tencent API, which shares the path: requests that are not RPC calls pass on to it unchanged.
 */
public final class OnsMqttApi {

  /** The largest form body read (the parameters of a POST); the SDKs put nearly all of them in the query. */
  public static final long MAX_BODY_BYTES = 1024L * 1024;

  private OnsMqttApi() {
  }

  public static void mount(Router router, GatewayContext context) {
    mount(router, context, Clock.systemUTC());
  }

  /** With the clock the ±15 minute window is checked against. */
  static void mount(Router router, GatewayContext context, Clock clock) {
    OnsMqttRequestHandler handler = new OnsMqttRequestHandler(context, OnsMqttActions.all(), clock);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    router.route("/")
        // a form POST may carry parameters in its body; the body handler merges them into the request's params
        .handler(rc -> {
          String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
          if (rc.request().method() == HttpMethod.POST && OnsMqttRequestHandler.mayBeRpcCall(rc.request())
              && type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            body.handle(rc);
          } else {
            rc.next();
          }
        })
        .handler(handler)
        .failureHandler(handler::failure);
  }
}
