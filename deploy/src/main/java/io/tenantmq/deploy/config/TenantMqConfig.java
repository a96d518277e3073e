package io.tenantmq.deploy.config;

import io.tenantmq.deploy.Role;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration of one process, validated by {@link ConfigLoader}. Ports: 0 picks a free port, -1 turns a
 * listener off.
 */
public record TenantMqConfig(
    Role role,
    String host,
    int mqttPort,
    int wsPort,
    int httpPort,
    int tlsPort,
    Path dataDir,
    String nodeName,
    String clusterName,
    int clusterPort,
    List<String> clusterMembers,
    String jdbcUrl,
    MqttLimits mqtt) {

  /** Broker limits; see {@code MqttNodeOptions} for their meaning and defaults. */
  public record MqttLimits(int maxPacketSize, int maxClientIdLength, int maxInflight, int maxQueuedMessages,
                           long maxSessionExpirySeconds) {
  }
}
