package io.tenantmq.control.command;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one node reports about one instance: its own facts, and the instance's gauges and counters on that node.
 *
 * @param stats   gauges named as EMQX's {@code GET /stats} names them ({@code connections.count}, {@code subscriptions.count}, …)
 * @param metrics counters since the node started, named as EMQX's {@code GET /metrics} names them
 *                ({@code messages.received}, {@code client.connected}, {@code bytes.sent}, …)
 */
public record NodeReport(String node, String version, long startedAtMillis, Map<String, Long> stats,
                         Map<String, Long> metrics) implements Serializable {
  public NodeReport {
    stats = java.util.Collections.unmodifiableMap(new TreeMap<>(stats));
    metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
  }
}
