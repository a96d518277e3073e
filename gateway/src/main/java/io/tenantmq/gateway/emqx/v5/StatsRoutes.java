package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.emqx.QueryParams;
import io.tenantmq.gateway.emqx.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /stats} and {@code GET /metrics}: the calling instance's gauges and counters ({@link InstanceFigures}),
 * per node (EMQX's default for both) or added up with {@code aggregate=true}. {@code /metrics?node=} keeps one node;
 * an unknown one gives an empty list, as EMQX answers for a node it cannot reach.
 */
final class StatsRoutes {

  private final ControlPlane control;

  StatsRoutes(GatewayContext context) {
    this.control = context.control();
  }

  void mount(Router v5) {
    v5.get("/stats").handler(Reply.of(this::stats));
    v5.get("/metrics").handler(Reply.of(this::metrics));
  }

  private Future<Reply> stats(RoutingContext ctx) {
    boolean aggregate = QueryParams.of(ctx).bool("aggregate").orElse(false);
    return InstanceFigures.load(ctx, control).map(f -> {
      if (aggregate) {
        return Reply.ok(f.aggregatedStats());
      }
      JsonArray perNode = new JsonArray();
      f.nodes().forEach(r -> perNode.add(f.statsOfNode(r)));
      return Reply.ok(perNode);
    });
  }

  private Future<Reply> metrics(RoutingContext ctx) {
    QueryParams q = QueryParams.of(ctx);
    boolean aggregate = q.bool("aggregate").orElse(false);
    String node = q.text("node").orElse(null);
    return InstanceFigures.load(ctx, control).map(f -> {
      if (aggregate) {
        return Reply.ok(f.aggregatedMetrics());
      }
      JsonArray perNode = new JsonArray();
      f.nodes().stream().filter(r -> node == null || r.node().equals(node))
          .forEach(r -> perNode.add(f.metricsOfNode(r)));
      return Reply.ok(perNode);
    });
  }
}
