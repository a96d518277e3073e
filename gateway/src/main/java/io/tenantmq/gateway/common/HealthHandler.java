package io.tenantmq.gateway.common;

import io.tenantmq.control.cluster.NodeReadiness;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /healthz}: 200 once the node serves everything its role promises, 503 before and while stopping. */
public final class HealthHandler implements Handler<RoutingContext> {

  private final NodeReadiness readiness;
  private final String node;

  public HealthHandler(NodeReadiness readiness, String node) {
    this.readiness = readiness;
    this.node = node;
  }

  @Override
  public void handle(RoutingContext ctx) {
    boolean ready = readiness.ready();
    JsonArray serving = new JsonArray();
    readiness.serving().forEach(c -> serving.add(c.name().toLowerCase()));
    ctx.response()
        .setStatusCode(ready ? 200 : 503)
        .putHeader("content-type", "application/json")
        .end(new JsonObject().put("status", ready ? "UP" : "DOWN").put("node", node).put("serving", serving).encode());
  }
}
