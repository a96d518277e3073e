package io.tenantmq.sdk.emqx;

/**
 * A cluster node as {@code GET /nodes} describes it. {@code memoryTotal} and {@code memoryUsed} are byte sizes as the
 * server writes them (a number or text such as {@code "1.2G"}); {@code uptime} is in milliseconds.
 */
public record Node(String node, String nodeStatus, Long connections, Long liveConnections, Long clusterSessions,
                   Double load1, Double load5, Double load15, Long maxFds, String memoryTotal, String memoryUsed,
                   String otpRelease, Long processAvailable, Long processUsed, Long uptime, String version,
                   String edition, String sysPath, String logPath, String role) {
}
