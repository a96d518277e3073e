package io.tenantmq.mqtt.metrics;

import io.tenantmq.control.command.NodeReport;
import io.tenantmq.control.registry.PacketCounter;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * This node's {@link NodeReport} about one instance, from the instance's {@link InstanceMetrics}, with the names
 * EMQX's {@code GET /stats} and {@code GET /metrics} use. As in EMQX 5, {@code connections.count} counts the sessions
 * kept here, connected or waiting offline for their client, and {@code live_connections.count} only the connected ones.
 *
 * <p>Owned by: nobody; thread-safe (it only reads counters).
 */
public final class NodeReports {

  /** The project version this node was built as. */
  public static final String VERSION = readVersion();

  /** EMQX's per-packet metric names, by what our connections count: {@code packets.<name>.received|sent}. */
  private static final Map<PacketCounter, String> PACKET_NAMES = packetNames();

  private final String node;
  private final long startedAtMillis;
  private final InstanceMetricsTable table;

  public NodeReports(String node, long startedAtMillis, InstanceMetricsTable table) {
    this.node = node;
    this.startedAtMillis = startedAtMillis;
    this.table = table;
  }

  public NodeReport report(String instanceId) {
    InstanceMetrics m = table.existing(instanceId);
    if (m == null) {
      m = new InstanceMetrics(); // nothing of it ever here: zeros, and no entry made for an id someone asked about
    }
    return new NodeReport(node, VERSION, startedAtMillis, stats(m), metrics(m));
  }

  private static Map<String, Long> stats(InstanceMetrics m) {
    Map<String, Long> stats = new LinkedHashMap<>();
    gauge(stats, "connections", m.sessions());
    gauge(stats, "channels", m.sessions());
    gauge(stats, "live_connections", m.liveConnections());
    gauge(stats, "sessions", m.sessions());
    gauge(stats, "subscriptions", m.subscriptions());
    gauge(stats, "suboptions", m.subscriptions());
    gauge(stats, "subscribers", m.subscriptions());
    gauge(stats, "subscriptions.shared", m.sharedSubscriptions());
    gauge(stats, "topics", m.topics());
    return stats;
  }

  private static void gauge(Map<String, Long> stats, String name, InstanceMetrics.Gauge gauge) {
    stats.put(name + ".count", gauge.value());
    stats.put(name + ".max", gauge.max());
  }

  private static Map<String, Long> metrics(InstanceMetrics m) {
    Map<String, Long> metrics = new LinkedHashMap<>();
    metrics.put("client.connect", m.received(PacketCounter.CONNECT));
    metrics.put("client.connack", m.sent(PacketCounter.CONNACK));
    metrics.put("client.connected", m.connectedCount());
    metrics.put("client.disconnected", m.disconnectedCount());
    metrics.put("client.auth.failure", m.authFailureCount());
    metrics.put("session.created", m.sessionsCreatedCount());
    metrics.put("session.resumed", m.sessionsResumedCount());
    metrics.put("session.takenover", m.sessionsTakenOverCount());
    metrics.put("session.discarded", m.sessionsDiscardedCount());
    metrics.put("session.terminated", m.sessionsTerminatedCount());
    long received = 0;
    long sent = 0;
    for (int qos = 0; qos <= 2; qos++) {
      long in = m.received(PacketCounter.publish(qos));
      long out = m.sent(PacketCounter.publish(qos));
      metrics.put("messages.qos" + qos + ".received", in);
      metrics.put("messages.qos" + qos + ".sent", out);
      received += in;
      sent += out;
    }
    metrics.put("messages.received", received);
    metrics.put("messages.sent", sent);
    metrics.put("messages.delivered", m.deliveredCount());
    // EMQX: PUBACK and PUBREC from subscribers, i.e. QoS 1 and 2 deliveries the client confirmed
    metrics.put("messages.acked", m.received(PacketCounter.PUBACK) + m.received(PacketCounter.PUBREC));
    // as in EMQX, "dropped" includes the messages nobody subscribed to
    metrics.put("messages.dropped", m.sent(PacketCounter.DROPPED) + m.noSubscribersCount());
    metrics.put("messages.dropped.no_subscribers", m.noSubscribersCount());
    metrics.put("packets.received", m.received(PacketCounter.PACKETS));
    metrics.put("packets.sent", m.sent(PacketCounter.PACKETS));
    metrics.put("packets.publish.received", received);
    metrics.put("packets.publish.sent", sent);
    PACKET_NAMES.forEach((counter, name) -> {
      metrics.put("packets." + name + ".received", m.received(counter));
      metrics.put("packets." + name + ".sent", m.sent(counter));
    });
    metrics.put("bytes.received", m.received(PacketCounter.BYTES));
    metrics.put("bytes.sent", m.sent(PacketCounter.BYTES));
    return metrics;
  }

  private static Map<PacketCounter, String> packetNames() {
    Map<PacketCounter, String> names = new LinkedHashMap<>();
    names.put(PacketCounter.CONNECT, "connect");
    names.put(PacketCounter.CONNACK, "connack");
    names.put(PacketCounter.PUBACK, "puback");
    names.put(PacketCounter.PUBREC, "pubrec");
    names.put(PacketCounter.PUBREL, "pubrel");
    names.put(PacketCounter.PUBCOMP, "pubcomp");
    names.put(PacketCounter.SUBSCRIBE, "subscribe");
    names.put(PacketCounter.SUBACK, "suback");
    names.put(PacketCounter.UNSUBSCRIBE, "unsubscribe");
    names.put(PacketCounter.UNSUBACK, "unsuback");
    names.put(PacketCounter.PINGREQ, "pingreq");
    names.put(PacketCounter.PINGRESP, "pingresp");
    names.put(PacketCounter.DISCONNECT, "disconnect");
    names.put(PacketCounter.AUTH, "auth");
    return names;
  }

  private static String readVersion() {
    try (InputStream in = NodeReports.class.getResourceAsStream("/io/tenantmq/mqtt/version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank() && !v.startsWith("${")) {
          return v;
        }
      }
    } catch (IOException e) {
      // fall through to the manifest
    }
    String fromManifest = NodeReports.class.getPackage().getImplementationVersion();
    return fromManifest != null ? fromManifest : "unknown";
  }
}
