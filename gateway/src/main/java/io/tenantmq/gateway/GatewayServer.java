package io.tenantmq.gateway;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.cluster.NodeReadiness;
import io.tenantmq.gateway.admin.AdminApi;
import io.tenantmq.gateway.aliyun.AliyunApi;
import io.tenantmq.gateway.aliyun.openapi.OnsMqttApi;
import io.tenantmq.gateway.emqx.EmqxApi;
import io.tenantmq.gateway.tencent.TencentApi;
import io.tenantmq.gateway.common.HealthHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;

/** The HTTP edge of a node. {@link #start()} binds the port and marks HTTP as serving. */
public final class GatewayServer {

  private final Vertx vertx;
  private final GatewayOptions options;
  private final NodeReadiness readiness;
  private final PrometheusMeterRegistry meters;
  private final String node;
  private final ControlPlane control;
  private HttpServer server;

  public GatewayServer(Vertx vertx, GatewayOptions options, NodeReadiness readiness, PrometheusMeterRegistry meters,
                       String node, ControlPlane control) {
    this.vertx = vertx;
    this.options = new GatewayOptions(options);
    this.readiness = readiness;
    this.meters = meters;
    this.node = node;
    this.control = control;
  }

  public Future<Void> start() {
    Router router = Router.router(vertx);
    router.get("/healthz").handler(new HealthHandler(readiness, node));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(meters));
    GatewayContext context = new GatewayContext(vertx, control, node, options);
    AdminApi.mount(router, context);
    OnsMqttApi.mount(router, context); // before TencentApi: both serve "/", and it passes on what is not its own
    TencentApi.mount(router, context);
    EmqxApi.mount(router, context);
    AliyunApi.mount(router, context);
    return vertx.createHttpServer(new HttpServerOptions().setHost(options.getHost()).setPort(options.getPort()))
        .requestHandler(router)
        .listen()
        .map(s -> {
          server = s;
          readiness.serving(NodeReadiness.Component.HTTP);
          return null;
        });
  }

  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
