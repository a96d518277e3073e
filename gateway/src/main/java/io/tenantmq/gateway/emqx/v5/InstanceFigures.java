package io.tenantmq.gateway.emqx.v5;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.query.Predicates;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.command.NodeReport;
import io.tenantmq.control.registry.ClientFilter;
import io.tenantmq.control.registry.ClientPage;
import io.tenantmq.gateway.common.Stages;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.EmqxScope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The figures of one instance, never of the node as a whole: a tenant must not learn from them how busy the others
 * are. Each node that hosts MQTT reports its gauges and counters for the instance; what describes the instance across
 * the cluster (its retained messages, its sessions in the registry) the gateway counts once and gives every node, and
 * never adds up over nodes.
 *
 * @param nodes           one report per node, by node name
 * @param retained        retained messages of the instance
 * @param clusterSessions sessions of the instance in the cluster-wide registry, connected or not
 */
record InstanceFigures(List<NodeReport> nodes, long retained, long clusterSessions) {

  InstanceFigures {
    nodes = List.copyOf(nodes);
  }

  /** Asks every node for its report and counts the instance-wide facts, all at once. */
  static Future<InstanceFigures> load(RoutingContext ctx, ControlPlane control) {
    String instanceId = EmqxScope.of(ctx).instanceId();
    Future<List<NodeReport>> reports = Stages.on(ctx, control.commands().reports(instanceId));
    // the retained map is indexed on instanceId: counting reads only this instance's entries
    Future<Long> retained = Stages.on(ctx, CompletableFuture.supplyAsync(() -> control.retained().aggregate(
        Aggregators.count(), Predicates.equal("instanceId", instanceId)), control.workerExecutor()));
    Future<Long> sessions = Stages.on(ctx, control.registry().page(instanceId, ClientFilter.ALL, 1, 1))
        .map(ClientPage::count);
    return Future.all(reports, retained, sessions)
        .map(all -> new InstanceFigures(reports.result(), retained.result(), sessions.result()));
  }

  /** The report of the node named {@code node}, or 404 NOT_FOUND as EMQX's {@code with_node} answers. */
  NodeReport node(String node) {
    return nodes.stream().filter(r -> r.node().equals(node)).findFirst()
        .orElseThrow(() -> EmqxException.notFound("NOT_FOUND", "Node not found: " + node));
  }

  /** The stats of one node (as {@code /nodes/{node}/stats}): its gauges, and the instance-wide ones. */
  JsonObject stats(NodeReport report) {
    return withInstanceWide(figures(FigureNames.STATS, report.stats()));
  }

  /** One entry of the per-node {@code GET /stats}: {@link #stats} with the node's name. */
  JsonObject statsOfNode(NodeReport report) {
    return new JsonObject().put("node", report.node()).put(FigureNames.DURABLE_SUBSCRIPTIONS, 0L)
        .mergeIn(stats(report));
  }

  /** {@code GET /stats?aggregate=true}: the nodes' gauges added up (their {@code .max} too, as EMQX adds them). */
  JsonObject aggregatedStats() {
    return withInstanceWide(sum(FigureNames.STATS, nodes.stream().map(NodeReport::stats).toList()));
  }

  JsonObject metrics(NodeReport report) {
    return figures(FigureNames.METRICS, report.metrics());
  }

  JsonObject metricsOfNode(NodeReport report) {
    return new JsonObject().put("node", report.node()).mergeIn(metrics(report));
  }

  JsonObject aggregatedMetrics() {
    return sum(FigureNames.METRICS, nodes.stream().map(NodeReport::metrics).toList());
  }

  /** The instance-wide gauges; their {@code .max} is at least the count (the gateway keeps no history of them). */
  private JsonObject withInstanceWide(JsonObject stats) {
    put(stats, "retained", retained);
    put(stats, "cluster_sessions", clusterSessions);
    return stats;
  }

  private static void put(JsonObject stats, String gauge, long count) {
    stats.put(gauge + ".count", count);
    stats.put(gauge + ".max", Math.max(count, stats.getLong(gauge + ".max", 0L)));
  }

  /** Every name of {@code names} (0 when not reported), then whatever else the node reported. */
  private static JsonObject figures(List<String> names, Map<String, Long> reported) {
    JsonObject figures = new JsonObject();
    names.forEach(name -> figures.put(name, 0L));
    reported.forEach(figures::put);
    return figures;
  }

  private static JsonObject sum(List<String> names, List<Map<String, Long>> reports) {
    JsonObject total = figures(names, Map.of());
    reports.forEach(report -> report.forEach((name, value) -> total.put(name, total.getLong(name, 0L) + value)));
    return total;
  }
}
