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
    Long maxSessionExpirySeconds,
    Secret adminToken,
    Secret secretEncryptionKey,
    Integer eventRetentionHours,
    String join,
    Integer failureDetectionSeconds,
    Integer wssPort,
    String tlsCert,
    String tlsKey,
    String sniDomain) {

  public static final ConfigFile EMPTY = new ConfigFile(null, null, null, null, null, null, null, null, null, null, null,
      null, null, null, null, null, null);

  /** Everything but the secrets (which have no flags of their own except the token). */
  public ConfigFile(String role, String host, Integer mqttPort, Integer wsPort, Integer httpPort, Integer tlsPort,
                    String dataDir, String nodeName, String clusterName, Integer clusterPort,
                    List<String> clusterMembers, String jdbcUrl, Integer maxPacketSize, Integer maxClientIdLength,
                    Integer maxInflight, Integer maxQueuedMessages, Long maxSessionExpirySeconds) {
    this(role, host, mqttPort, wsPort, httpPort, tlsPort, dataDir, nodeName, clusterName, clusterPort, clusterMembers,
        jdbcUrl, maxPacketSize, maxClientIdLength, maxInflight, maxQueuedMessages, maxSessionExpirySeconds, null, null);
  }

  /** Everything but the event retention. */
  public ConfigFile(String role, String host, Integer mqttPort, Integer wsPort, Integer httpPort, Integer tlsPort,
                    String dataDir, String nodeName, String clusterName, Integer clusterPort,
                    List<String> clusterMembers, String jdbcUrl, Integer maxPacketSize, Integer maxClientIdLength,
                    Integer maxInflight, Integer maxQueuedMessages, Long maxSessionExpirySeconds, Secret adminToken,
                    Secret secretEncryptionKey) {
    this(role, host, mqttPort, wsPort, httpPort, tlsPort, dataDir, nodeName, clusterName, clusterPort, clusterMembers,
        jdbcUrl, maxPacketSize, maxClientIdLength, maxInflight, maxQueuedMessages, maxSessionExpirySeconds, adminToken,
        secretEncryptionKey, null, null, null, null, null, null, null);
  }

  /** This file with the operator token set. */
  public ConfigFile withAdminToken(Secret token) {
    return new ConfigFile(role, host, mqttPort, wsPort, httpPort, tlsPort, dataDir, nodeName, clusterName, clusterPort,
        clusterMembers, jdbcUrl, maxPacketSize, maxClientIdLength, maxInflight, maxQueuedMessages,
        maxSessionExpirySeconds, token, secretEncryptionKey, eventRetentionHours, join, failureDetectionSeconds,
        wssPort, tlsCert, tlsKey, sniDomain);
  }

  /** This file with the event streams' retention set. */
  public ConfigFile withEventRetentionHours(Integer hours) {
    return new ConfigFile(role, host, mqttPort, wsPort, httpPort, tlsPort, dataDir, nodeName, clusterName, clusterPort,
        clusterMembers, jdbcUrl, maxPacketSize, maxClientIdLength, maxInflight, maxQueuedMessages,
        maxSessionExpirySeconds, adminToken, secretEncryptionKey, hours, join, failureDetectionSeconds, wssPort, tlsCert,
        tlsKey, sniDomain);
  }

  /** This file with the cluster join ({@code tcp} or {@code kubernetes:<service-dns>}) and failure detection set. */
  public ConfigFile withJoin(String join, Integer failureDetectionSeconds) {
    return new ConfigFile(role, host, mqttPort, wsPort, httpPort, tlsPort, dataDir, nodeName, clusterName, clusterPort,
        clusterMembers, jdbcUrl, maxPacketSize, maxClientIdLength, maxInflight, maxQueuedMessages,
        maxSessionExpirySeconds, adminToken, secretEncryptionKey, eventRetentionHours, join, failureDetectionSeconds,
        wssPort, tlsCert, tlsKey, sniDomain);
  }

  /** This file with the TLS settings beside {@code tlsPort} set: WebSocket over TLS port, PEM files, SNI domain. */
  public ConfigFile withTls(Integer wssPort, String tlsCert, String tlsKey, String sniDomain) {
    return new ConfigFile(role, host, mqttPort, wsPort, httpPort, tlsPort, dataDir, nodeName, clusterName, clusterPort,
        clusterMembers, jdbcUrl, maxPacketSize, maxClientIdLength, maxInflight, maxQueuedMessages,
        maxSessionExpirySeconds, adminToken, secretEncryptionKey, eventRetentionHours, join, failureDetectionSeconds,
        wssPort, tlsCert, tlsKey, sniDomain);
  }

  /** A file whose set fields replace this one's. */
  public ConfigFile overriddenBy(ConfigFile o) {
    return new ConfigFile(
        pick(o.role, role), pick(o.host, host), pick(o.mqttPort, mqttPort), pick(o.wsPort, wsPort),
        pick(o.httpPort, httpPort), pick(o.tlsPort, tlsPort), pick(o.dataDir, dataDir), pick(o.nodeName, nodeName),
        pick(o.clusterName, clusterName), pick(o.clusterPort, clusterPort), pick(o.clusterMembers, clusterMembers),
        pick(o.jdbcUrl, jdbcUrl), pick(o.maxPacketSize, maxPacketSize), pick(o.maxClientIdLength, maxClientIdLength),
        pick(o.maxInflight, maxInflight), pick(o.maxQueuedMessages, maxQueuedMessages),
        pick(o.maxSessionExpirySeconds, maxSessionExpirySeconds), pick(o.adminToken, adminToken),
        pick(o.secretEncryptionKey, secretEncryptionKey), pick(o.eventRetentionHours, eventRetentionHours),
        pick(o.join, join), pick(o.failureDetectionSeconds, failureDetectionSeconds), pick(o.wssPort, wssPort),
        pick(o.tlsCert, tlsCert), pick(o.tlsKey, tlsKey), pick(o.sniDomain, sniDomain));
  }

  private static <T> T pick(T override, T base) {
    return override != null ? override : base;
  }
}
