package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.emqx.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /nodes}: the nodes that host MQTT, each with the calling instance's figures on it ({@link NodeInfo},
 * {@link InstanceFigures}). A node that hosts none of the instance's clients is listed with zeros.
 */
final class NodeRoutes {

  private final ControlPlane control;
  private final String localNode;

  NodeRoutes(GatewayContext context) {
    this.control = context.control();
    this.localNode = context.node();
  }

  void mount(Router v5) {
    v5.get("/nodes").handler(Reply.of(this::list));
    v5.get("/nodes/:node").handler(Reply.of(this::get));
    v5.get("/nodes/:node/metrics").handler(Reply.of(ctx -> InstanceFigures.load(ctx, control)
        .map(f -> Reply.ok(f.metrics(f.node(ctx.pathParam("node")))))));
    v5.get("/nodes/:node/stats").handler(Reply.of(ctx -> InstanceFigures.load(ctx, control)
        .map(f -> Reply.ok(f.stats(f.node(ctx.pathParam("node")))))));
  }

  private Future<Reply> list(RoutingContext ctx) {
    return InstanceFigures.load(ctx, control).map(f -> {
      long now = System.currentTimeMillis();
      JsonArray nodes = new JsonArray();
      f.nodes().forEach(r -> nodes.add(NodeInfo.of(r, f, r.node().equals(localNode), now)));
      return Reply.ok(nodes);
    });
  }

  private Future<Reply> get(RoutingContext ctx) {
    String node = ctx.pathParam("node");
    return InstanceFigures.load(ctx, control).map(f -> Reply.ok(
        NodeInfo.of(f.node(node), f, node.equals(localNode), System.currentTimeMillis())));
  }
}
