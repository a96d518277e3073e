package io.tenantmq.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.tenantmq.deploy.TenantMqNode;
import io.tenantmq.deploy.config.ConfigFile;
import io.tenantmq.deploy.config.ConfigLoader;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --join kubernetes:<service-dns>} as the StatefulSet uses it, without Kubernetes: Hazelcast's DNS lookup of
 * {@code localhost} stands in for the headless service. Two members on one port of two addresses of this machine
 * (127.0.0.1 and its first non-loopback IPv4 address, as two pods on one port of two pod IPs); the second finds the
 * first through the name alone (no {@code --cluster-members}) and they serve one cluster. Skipped on a machine with
 * no network interface but loopback.
 */
class KubernetesJoinTest {

  @TempDir
  static Path firstDir;
  @TempDir
  static Path secondDir;
  static TenantMqNode first;
  static TenantMqNode second;
  static String secondHost;

  @BeforeAll
  static void startTwoPodsOnOnePort() throws Exception {
    secondHost = nonLoopbackAddress();
    assumeTrue(secondHost != null, "this machine has no non-loopback IPv4 address for a second 'pod'");
    int clusterPort = freePort();
    String clusterName = "k8s-" + UUID.randomUUID();
    first = start("127.0.0.1", firstDir, "pod-0", clusterName, clusterPort);
    second = start(secondHost, secondDir, "pod-1", clusterName, clusterPort);
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.stop();
    }
    if (first != null) {
      first.stop();
    }
  }

  @Test
  void membersFoundByDnsNameFormOneClusterAndShareClients() throws Exception {
    assertThat(first.clusterPort()).isEqualTo(second.clusterPort());
    ClusterApi secondApi = ClusterApi.of(secondHost, secondDir);
    assertThat(secondApi.get("/api/v5/nodes").findValuesAsText("node")).contains("pod-0", "pod-1");

    int firstMqtt = ClusterApi.JSON.readTree(firstDir.resolve("ports.json").toFile()).get("mqtt").asInt();
    String clientId = "k8s-" + UUID.randomUUID();
    Mqtt5BlockingClient device = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(firstMqtt).buildBlocking();
    device.connect();
    try {
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
        var seen = secondApi.client(clientId);
        assertThat(seen.get("node").asText()).isEqualTo("pod-0");
        assertThat(seen.get("connected").asBoolean()).isTrue();
      });
    } finally {
      device.disconnect();
    }
  }

  private static TenantMqNode start(String host, Path dataDir, String nodeName, String clusterName, int clusterPort)
      throws Exception {
    ConfigFile flags = new ConfigFile(null, host, 0, 0, 0, null, dataDir.toString(), nodeName, clusterName,
        clusterPort, null, null, null, null, null, null, null)
        .withJoin("kubernetes:localhost", 3);
    return new TenantMqNode(ConfigLoader.resolve(ConfigFile.EMPTY, flags)).start();
  }

  private static String nonLoopbackAddress() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address) {
            return a.getHostAddress();
          }
        }
      }
    }
    return null;
  }

  /** A port free on both addresses the members bind. */
  private static int freePort() throws IOException {
    for (int attempt = 0; ; attempt++) {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
        port = s.getLocalPort();
      }
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(secondHost))) {
        return port;
      } catch (IOException taken) {
        if (attempt > 20) {
          throw taken;
        }
      }
    }
  }
}
