package io.tenantmq.deploy;

import static io.tenantmq.deploy.OutsideClients.admin;
import static io.tenantmq.deploy.OutsideClients.mqttLogin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.control.persistence.PostgresServer;
import io.tenantmq.deploy.config.ConfigFile;
import io.tenantmq.deploy.config.ConfigLoader;
import io.tenantmq.deploy.config.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster as DESIGN.md has it: every member configured with one PostgreSQL ({@code --jdbc-url}), the same operator
 * token and sealing key. All members stop; a new member, with an empty data directory of its own, finds the cluster's
 * state in the database.
 */
class PostgresClusterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dataDirs;
  private final List<TenantMqNode> running = new ArrayList<>();
  private PostgresServer postgres;

  @AfterEach
  void stopEverything() throws Exception {
    running.forEach(TenantMqNode::stop);
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aNewMemberOnTheSharedDatabaseFindsWhatTheStoppedClusterCreated() throws Exception {
    postgres = PostgresServer.start();
    String jdbcUrl = postgres.newDatabaseUrl();
    String token = "operator-" + UUID.randomUUID();
    String sealingKey = Base64.getEncoder().encodeToString(SecretCipher.newKey());
    String cluster = "pg-" + UUID.randomUUID();
    List<String> members = List.of("127.0.0.1:" + freePort(), "127.0.0.1:" + freePort());

    Started a = start(cluster, "node-a", members.get(0), members, jdbcUrl, token, sealingKey);
    Started b = start(cluster, "node-b", members.get(1), members, jdbcUrl, token, sealingKey);
    int httpA = a.http();
    int httpB = b.http();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String tenant = "tenant-" + suffix;
    String instance = "mqtt-" + suffix;
    assertThat(admin(httpA, token, "POST", "/admin/v1/tenants", "{\"tenantId\":\"" + tenant + "\"}").statusCode())
        .isEqualTo(201);
    assertThat(admin(httpB, token, "POST", "/admin/v1/tenants/" + tenant + "/instances",
        "{\"instanceId\":\"" + instance + "\"}").statusCode()).isEqualTo(201);
    JsonNode credential = JSON.readTree(admin(httpA, token, "POST", "/admin/v1/tenants/" + tenant + "/credentials",
        null).body());
    assertThat(admin(httpB, token, "POST", "/admin/v1/instances/" + instance + "/users",
        "{\"username\":\"sensor-1\",\"password\":\"pw-1\"}").statusCode()).isEqualTo(201);
    String demoTenant = a.node().demo().tenantId();
    running.forEach(TenantMqNode::stop);
    running.clear();

    Started c = start("pg-" + UUID.randomUUID(), "node-c", "127.0.0.1:" + freePort(), List.of(), jdbcUrl, token,
        sealingKey);
    // its data directory was empty: the demo tenant's ids come from the database
    assertThat(c.node().demo().tenantId()).isEqualTo(demoTenant);
    assertThat(admin(c.http(), token, "GET", "/admin/v1/tenants/" + tenant + "/instances", null)
        .body()).contains("\"" + instance + "\"");
    JsonNode users = JSON.readTree(OutsideClients.tencent(c.http(),
            credential.get("credentialId").asText(), credential.get("secret").asText())
        .call("DescribeUserList", "{\"InstanceId\":\"" + instance + "\"}")).get("Response");
    assertThat(users.get("Data").get(0).get("Username").asText()).isEqualTo("sensor-1");
    assertThat(mqttLogin(c.mqtt(), "sensor-1@" + instance, "pw-1"))
        .isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
  }

  /** A node as the launcher would start it, and the ports it bound. */
  private record Started(TenantMqNode node, int http, int mqtt) {
  }

  private Started start(String cluster, String nodeName, String self, List<String> members, String jdbcUrl,
                             String token, String sealingKey) throws Exception {
    int clusterPort = Integer.parseInt(self.substring(self.indexOf(':') + 1));
    ConfigFile flags = new ConfigFile(null, "127.0.0.1", 0, 0, 0, null, dataDirs.resolve(nodeName).toString(),
        nodeName, cluster, clusterPort, members.isEmpty() ? List.of(self) : members, jdbcUrl, null, null, null, null,
        null, new Secret(token), new Secret(sealingKey));
    TenantMqNode node = new TenantMqNode(ConfigLoader.resolve(ConfigFile.EMPTY, flags));
    running.add(node);
    node.start();
    JsonNode ports = JSON.readTree(dataDirs.resolve(nodeName).resolve(PortsFile.FILE_NAME).toFile());
    return new Started(node, ports.get("http").asInt(), ports.get("mqtt").asInt());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
