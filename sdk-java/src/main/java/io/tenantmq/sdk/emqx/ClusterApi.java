package io.tenantmq.sdk.emqx;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /nodes}, {@code /stats} and {@code /metrics}. Stats and metrics are maps of EMQX's dotted names
 * ({@code connections.count}, {@code messages.received}, ...) to numbers; the per-node forms add a {@code node} entry
 * (text), so their values are {@link Object}.
 */
public final class ClusterApi {

  private static final TypeFactory TYPES = EmqxJson.MAPPER.getTypeFactory();
  private static final JavaType NODE = TYPES.constructType(Node.class);
  private static final JavaType NODES = TYPES.constructCollectionType(List.class, Node.class);
  private static final JavaType NUMBERS = TYPES.constructMapType(Map.class, String.class, Long.class);
  private static final JavaType PER_NODE = TYPES.constructCollectionType(List.class,
      TYPES.constructMapType(Map.class, String.class, Object.class));

  private final EmqxStyleClient client;

  ClusterApi(EmqxStyleClient client) {
    this.client = client;
  }

  /** {@code GET /nodes}. */
  public CompletableFuture<List<Node>> nodes() {
    return client.call("GET", "/nodes", null, NODES);
  }

  /** {@code GET /nodes/{node}}. */
  public CompletableFuture<Node> node(String node) {
    return client.call("GET", "/nodes/" + EmqxStyleClient.segment(node), null, NODE);
  }

  /** {@code GET /stats?aggregate=true}: counts summed over the cluster. */
  public CompletableFuture<Map<String, Long>> stats() {
    return client.call("GET", "/stats?aggregate=true", null, NUMBERS);
  }

  /** {@code GET /stats?aggregate=false}: counts per node. */
  public CompletableFuture<List<Map<String, Object>>> statsByNode() {
    return client.call("GET", "/stats?aggregate=false", null, PER_NODE);
  }

  /** {@code GET /metrics?aggregate=true}: counters summed over the cluster. */
  public CompletableFuture<Map<String, Long>> metrics() {
    return client.call("GET", "/metrics?aggregate=true", null, NUMBERS);
  }

  /** {@code GET /metrics?aggregate=false}: counters per node. */
  public CompletableFuture<List<Map<String, Object>>> metricsByNode() {
    return client.call("GET", "/metrics?aggregate=false", null, PER_NODE);
  }
}
