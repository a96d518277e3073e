package io.tenantmq.deploy.config;

import io.tenantmq.deploy.Role;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * The whole configuration of one process, validated by {@link ConfigLoader}. Ports: 0 picks a free port, -1 turns a
 * listener off (the TLS ones are off by default).
 *
 * @param adminToken           the operator token of the admin API; null: agreed once per cluster at start
 * @param secretEncryptionKey  the key that seals stored secrets; null: {@code secret.key} in the data directory
 * @param eventRetentionHours  how long the event streams keep their events
 * @param kubernetesServiceDns null: join through {@code clusterMembers} (TCP); else the headless service whose DNS
 *                             name lists the members ({@code --join kubernetes:<service-dns>})
 * @param failureDetectionSeconds how long a silent member stays in the cluster before the others end its clients
 */
public record TenantMqConfig(
    Role role,
    String host,
    int mqttPort,
    int wsPort,
    int httpPort,
    int tlsPort,
    int wssPort,
    Path dataDir,
    String nodeName,
    String clusterName,
    int clusterPort,
    List<String> clusterMembers,
    String jdbcUrl,
    MqttLimits mqtt,
    Secret adminToken,
    SecretKey secretEncryptionKey,
    int eventRetentionHours,
    String kubernetesServiceDns,
    int failureDetectionSeconds,
    Tls tls) {

  /**
   * What the TLS listeners ({@code tlsPort}, {@code wssPort}) serve and how SNI names instances.
   *
   * @param certificate the PEM certificate chain, or null for the self-signed one in {@code <data-dir>/tls}
   * @param privateKey  its PEM private key; null exactly when {@code certificate} is
   * @param sniDomain   null, or the domain under which {@code <instanceId>.<domain>} names an instance
   */
  public record Tls(Path certificate, Path privateKey, String sniDomain) {
  }

  /** Broker limits; see {@code MqttNodeOptions} for their meaning and defaults. */
  public record MqttLimits(int maxPacketSize, int maxClientIdLength, int maxInflight, int maxQueuedMessages,
                           long maxSessionExpirySeconds) {
  }

  /** The 32-byte AES key that seals stored secrets; {@link #toString()} hides it. */
  public record SecretKey(byte[] bytes) {
    public SecretKey {
      if (bytes.length != 32) {
        throw new IllegalArgumentException("the secret encryption key must be 32 bytes, was " + bytes.length);
      }
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SecretKey k && MessageDigest.isEqual(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "SecretKey[****]";
    }
  }
}
