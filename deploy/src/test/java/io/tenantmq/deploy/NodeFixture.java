package io.tenantmq.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantmq.deploy.config.ConfigFile;
import io.tenantmq.deploy.config.ConfigLoader;
import io.tenantmq.deploy.config.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A whole TenantMQ node in this JVM, as the launcher starts it: every port 0, loopback, its own cluster name (so test
 * classes never merge), its data directory. Start one per test class.
 */
public record NodeFixture(TenantMqNode node, Path dataDir, JsonNode ports) implements AutoCloseable {

  /** @param adminToken the configured operator token, or null to let the cluster generate one */
  public static NodeFixture start(Path dataDir, String adminToken) throws Exception {
    return start(dataDir, adminToken, "it-" + UUID.randomUUID(), "node-it", List.of("127.0.0.1"));
  }

  /** A node of the named cluster that joins {@code members} ({@code HOST} or {@code HOST:PORT}). */
  public static NodeFixture start(Path dataDir, String adminToken, String clusterName, String nodeName,
                                  List<String> members) throws Exception {
    ConfigFile flags = new ConfigFile(null, "127.0.0.1", 0, 0, 0, null, dataDir.toString(), nodeName,
        clusterName, null, members, null, null, null, null, null, null)
        .withAdminToken(Secret.of(adminToken));
    TenantMqNode node = new TenantMqNode(ConfigLoader.resolve(ConfigFile.EMPTY, flags)).start();
    return new NodeFixture(node, dataDir, new ObjectMapper().readTree(dataDir.resolve(PortsFile.FILE_NAME).toFile()));
  }

  public int httpPort() {
    return ports.get("http").asInt();
  }

  public int mqttPort() {
    return ports.get("mqtt").asInt();
  }

  public String httpBase() {
    return "http://127.0.0.1:" + httpPort();
  }

  @Override
  public void close() {
    node.stop();
  }

  /** Waits for a control-plane stage in a test (30 s at most), failing the test if it fails or takes longer. */
  public static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Eight random hex characters, for ids that must not clash between tests sharing a node. */
  public static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }
}
