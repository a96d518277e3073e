package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.command.NodeReport;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * A node as EMQX's {@code GET /nodes} describes it (emqx_mgmt:node_info). The connection figures are the calling
 * instance's. The machine figures ({@code memory_*}, {@code max_fds}, {@code process_*}) are those of the JVM that
 * answers, reported only for the gateway's own node (others report no machine figures, so theirs are 0): they say
 * how big the process is, not whose load fills it. Erlang processes map to JVM threads; {@code process_available}
 * is EMQX's default process limit, since a JVM has no such fixed limit. Host paths are not a tenant's business:
 * {@code sys_path} is empty and {@code log_path} says what EMQX says when it logs to no file.
 */
final class NodeInfo {

  static final String EDITION = "Opensource";
  static final long EMQX_PROCESS_LIMIT = 2_097_152;
  static final String NO_LOG_FILE = "log.file.enable is false, not logging to file.";

  private NodeInfo() {
  }

  static JsonObject of(NodeReport report, InstanceFigures figures, boolean local, long nowMillis) {
    Runtime runtime = Runtime.getRuntime();
    return new JsonObject()
        .put("node", report.node())
        .put("node_status", "running")
        .put("connections", report.stats().getOrDefault("connections.count", 0L))
        .put("live_connections", report.stats().getOrDefault("live_connections.count", 0L))
        .put("cluster_sessions", figures.clusterSessions())
        .put("max_fds", local ? maxFileDescriptors() : 0L)
        .put("memory_total", bytes(local ? runtime.maxMemory() : 0L))
        .put("memory_used", bytes(local ? runtime.totalMemory() - runtime.freeMemory() : 0L))
        .put("otp_release", "Java " + Runtime.version())
        .put("process_available", EMQX_PROCESS_LIMIT)
        .put("process_used", local ? (long) ManagementFactory.getThreadMXBean().getThreadCount() : 0L)
        .put("uptime", Math.max(0L, nowMillis - report.startedAtMillis()))
        .put("version", report.version())
        .put("edition", EDITION)
        .put("sys_path", "")
        .put("log_path", NO_LOG_FILE)
        .put("role", "core");
  }

  /** A byte size as EMQX prints memory (emqx_mgmt_util:kmg): {@code 512.00M}, {@code 1.50G}, or plain bytes. */
  static String bytes(long bytes) {
    if (bytes > 1L << 30) {
      return String.format(Locale.ROOT, "%.2fG", bytes / (double) (1L << 30));
    }
    if (bytes > 1L << 20) {
      return String.format(Locale.ROOT, "%.2fM", bytes / (double) (1L << 20));
    }
    if (bytes > 1L << 10) {
      return String.format(Locale.ROOT, "%.2fK", bytes / (double) (1L << 10));
    }
    return Long.toString(bytes);
  }

  private static long maxFileDescriptors() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : 0L;
  }
}
