package io.tenantmq.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.deploy.PortsFile;
import io.tenantmq.deploy.TenantMqNode;
import io.tenantmq.deploy.config.ConfigFile;
import io.tenantmq.deploy.config.ConfigLoader;
import io.tenantmq.deploy.demo.DemoCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The whole product in the bench's JVM, as the launcher starts it from a configuration file: loopback, every port
 * free, a cluster name of its own, a data directory in the run directory. In process so the bench can reach its
 * control plane and register clients directly.
 */
final class InProcessTenantMq implements AutoCloseable {

  static final String NODE_NAME = "bench-node";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TenantMqNode node;
  private final JsonNode ports;

  private InProcessTenantMq(TenantMqNode node, JsonNode ports) {
    this.node = node;
    this.ports = ports;
  }

  static InProcessTenantMq start(Path runDir) {
    try {
      Path dataDir = Files.createDirectories(runDir.resolve("tenantmq-data"));
      // a file rather than ConfigFile's constructor: the launcher's own path, and names instead of positions
      ObjectNode config = JSON.createObjectNode()
          .put("host", "127.0.0.1")
          .put("mqttPort", 0)
          .put("wsPort", -1)
          .put("httpPort", 0)
          .put("dataDir", dataDir.toString())
          .put("nodeName", NODE_NAME)
          .put("clusterName", "bench-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
      config.putArray("clusterMembers").add("127.0.0.1");
      Path file = runDir.resolve("tenantmq.json");
      Files.writeString(file, config.toString());
      TenantMqNode node = new TenantMqNode(ConfigLoader.resolve(ConfigLoader.readFile(file), ConfigFile.EMPTY)).start();
      return new InProcessTenantMq(node, JSON.readTree(dataDir.resolve(PortsFile.FILE_NAME).toFile()));
    } catch (BenchException e) {
      throw e;
    } catch (Exception e) {
      throw new BenchException("TenantMQ did not start in process: " + e, e);
    }
  }

  ControlPlane control() {
    return node.control();
  }

  DemoCredentials demo() {
    return node.demo();
  }

  int httpPort() {
    return ports.get("http").asInt();
  }

  int mqttPort() {
    return ports.get("mqtt").asInt();
  }

  @Override
  public void close() {
    node.stop();
  }
}
