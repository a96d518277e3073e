package io.tenantmq.deploy.config;

import java.util.List;

/**
 * The configuration file as written (JSON), every field optional; what a flag sets wins over the file. Field names
 * are the flags' names in camelCase.
 */
public record ConfigFile(
    String role,
    String host,
    Integer mqttPort,
    Integer wsPort,
    Integer httpPort,
    Integer tlsPort,
    String dataDir,
    String nodeName,
    String clusterName,
    Integer clusterPort,
    List<String> clusterMembers,
    String jdbcUrl,
    Integer maxPacketSize,
    Integer maxClientIdLength,
    Integer maxInflight,
    Integer maxQueuedMessages,
    Long maxSessionExpirySeconds) {

  public static final ConfigFile EMPTY = new ConfigFile(null, null, null, null, null, null, null, null, null, null, null,
      null, null, null, null, null, null);

  /** A file whose set fields replace this one's. */
  public ConfigFile overriddenBy(ConfigFile o) {
    return new ConfigFile(
        pick(o.role, role), pick(o.host, host), pick(o.mqttPort, mqttPort), pick(o.wsPort, wsPort),
        pick(o.httpPort, httpPort), pick(o.tlsPort, tlsPort), pick(o.dataDir, dataDir), pick(o.nodeName, nodeName),
        pick(o.clusterName, clusterName), pick(o.clusterPort, clusterPort), pick(o.clusterMembers, clusterMembers),
        pick(o.jdbcUrl, jdbcUrl), pick(o.maxPacketSize, maxPacketSize), pick(o.maxClientIdLength, maxClientIdLength),
        pick(o.maxInflight, maxInflight), pick(o.maxQueuedMessages, maxQueuedMessages),
        pick(o.maxSessionExpirySeconds, maxSessionExpirySeconds));
  }

  private static <T> T pick(T override, T base) {
    return override != null ? override : base;
  }
}
