package io.tenantmq.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.Credential;
import io.tenantmq.control.user.MqttUser;
import io.tenantmq.deploy.NodeFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo-credentials.json} as whole nodes write it: every contract section, backed by a real credential, MQTT
 * user and operator token; the same across a restart; the same on every node of a cluster.
 */
class DemoTenantTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void fileOfAnOlderNodeKeepsItsIdsGainsEverySectionAndStaysTheSameAcrossARestart(@TempDir Path dataDir)
      throws Exception {
    // what nodes wrote before credentials existed: the ids only
    Files.writeString(dataDir.resolve(DemoFile.FILE_NAME),
        "{\"tenantId\":\"tenant-old00001\",\"instanceId\":\"mqtt-old00001\"}");
    String written;
    try (NodeFixture fixture = NodeFixture.start(dataDir, null)) {
      Path file = dataDir.resolve(DemoFile.FILE_NAME);
      written = Files.readString(file);
      JsonNode demo = JSON.readTree(written);
      assertThat(fieldNames(demo)).containsExactly("tenantId", "instanceId", "tencent", "mqtt", "admin", "emqx",
          "aliyun");
      assertThat(demo.get("tenantId").asText()).isEqualTo("tenant-old00001");
      assertThat(demo.get("instanceId").asText()).isEqualTo("mqtt-old00001");
      assertThat(fieldNames(demo.get("tencent"))).containsExactly("secretId", "secretKey", "region");
      assertThat(demo.at("/tencent/secretId").asText()).matches("AKID[A-Za-z0-9]{32}");
      assertThat(demo.at("/tencent/secretKey").asText()).matches("[A-Za-z0-9]{32}");
      assertThat(demo.at("/tencent/region").asText()).isEqualTo("ap-guangzhou");
      assertThat(fieldNames(demo.get("mqtt"))).containsExactly("username", "password");
      assertThat(fieldNames(demo.get("admin"))).containsExactly("token");
      assertThat(fieldNames(demo.get("emqx"))).containsExactly("apiKey", "apiSecret");
      assertThat(demo.at("/emqx/apiKey").asText()).matches("[A-Za-z0-9]{16}");
      assertThat(demo.at("/emqx/apiSecret").asText()).matches("[A-Za-z0-9]{32}");
      assertThat(fieldNames(demo.get("aliyun"))).containsExactly("accessKeyId", "accessKeySecret");
      assertThat(demo.at("/aliyun/accessKeyId").asText()).matches("LTAI[A-Za-z0-9]{20}");
      assertThat(demo.at("/aliyun/accessKeySecret").asText()).matches("[A-Za-z0-9]{30}");
      assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

      assertSectionsAreLive(fixture, demo);
    }

    try (NodeFixture restarted = NodeFixture.start(dataDir, null)) {
      assertThat(Files.readString(dataDir.resolve(DemoFile.FILE_NAME))).isEqualTo(written);
      assertSectionsAreLive(restarted, JSON.readTree(written));
    }
  }

  @Test
  void lostSealingKeyDoesNotStopTheNodeAndTheDemoCredentialIsSealedAgain(@TempDir Path dataDir) throws Exception {
    String written;
    try (NodeFixture first = NodeFixture.start(dataDir, null)) {
      written = Files.readString(dataDir.resolve(DemoFile.FILE_NAME));
    }
    // the durable store (H2 in the data dir) keeps the credential sealed with a key that is now gone
    Files.delete(dataDir.resolve("secret.key"));
    try (NodeFixture restarted = NodeFixture.start(dataDir, null)) {
      assertThat(Files.readString(dataDir.resolve(DemoFile.FILE_NAME))).isEqualTo(written);
      assertSectionsAreLive(restarted, JSON.readTree(written));
    }
  }

  @Test
  void everyNodeOfAClusterWritesTheSameFile(@TempDir Path dirA, @TempDir Path dirB) throws Exception {
    String cluster = "demo-" + UUID.randomUUID();
    try (NodeFixture a = NodeFixture.start(dirA, null, cluster, "node-a", List.of("127.0.0.1"));
         NodeFixture b = NodeFixture.start(dirB, null, cluster, "node-b",
             List.of("127.0.0.1:" + a.node().clusterPort()))) {
      String fileA = Files.readString(dirA.resolve(DemoFile.FILE_NAME));
      assertThat(Files.readString(dirB.resolve(DemoFile.FILE_NAME))).isEqualTo(fileA);
      // B adopted A's sealing key, so the demo secret sealed by A opens on B (B would not have started otherwise)
      assertThat(Files.readString(dirB.resolve("secret.key"))).isEqualTo(Files.readString(dirA.resolve("secret.key")));
      // the token generated by the cluster opens the admin API of either node
      String token = JSON.readTree(fileA).at("/admin/token").asText();
      assertThat(adminStatus(a, token)).isEqualTo(200);
      assertThat(adminStatus(b, token)).isEqualTo(200);
    }
  }

  @Test
  void configuredTokenIsTheOneInForceAndInTheFile(@TempDir Path dataDir) throws Exception {
    String token = "configured-" + UUID.randomUUID();
    try (NodeFixture fixture = NodeFixture.start(dataDir, token)) {
      assertThat(JSON.readTree(dataDir.resolve(DemoFile.FILE_NAME).toFile()).at("/admin/token").asText())
          .isEqualTo(token);
      assertThat(adminStatus(fixture, token)).isEqualTo(200);
      assertThat(adminStatus(fixture, "generated-" + UUID.randomUUID())).isEqualTo(401);
    }
  }

  /** The file's secrets are the ones the node checks: credential, MQTT user, operator token. */
  private static void assertSectionsAreLive(NodeFixture fixture, JsonNode demo) throws Exception {
    ControlPlane control = fixture.node().control();
    Credential credential = await(control.credentials().get(demo.at("/tencent/secretId").asText())).orElseThrow();
    assertThat(credential.tenantId()).isEqualTo(demo.get("tenantId").asText());
    assertThat(control.credentials().secretMatches(credential, demo.at("/tencent/secretKey").asText())).isTrue();
    // the Aliyun AccessKey of the demo tenant, for every instance, opens to the file's secret
    Credential accessKey = await(control.credentials().get(demo.at("/aliyun/accessKeyId").asText())).orElseThrow();
    assertThat(accessKey.tenantId()).isEqualTo(demo.get("tenantId").asText());
    assertThat(accessKey.instanceId()).isNull();
    assertThat(control.credentials().secretMatches(accessKey, demo.at("/aliyun/accessKeySecret").asText())).isTrue();

    MqttUser user = await(control.users().authenticate(demo.get("instanceId").asText(),
        demo.at("/mqtt/username").asText(), demo.at("/mqtt/password").asText())).orElseThrow();
    assertThat(user.permRead()).isTrue();
    assertThat(user.permWrite()).isTrue();

    assertThat(adminStatus(fixture, demo.at("/admin/token").asText())).isEqualTo(200);
    // the EMQX API key of the demo instance lists its clients
    String basic = java.util.Base64.getEncoder().encodeToString((demo.at("/emqx/apiKey").asText() + ":"
        + demo.at("/emqx/apiSecret").asText()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(fixture.httpBase() + "/api/v5/clients"))
        .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(200);

    // a real MQTT client logs in with the mqtt section, as is and as user@instanceId, and may subscribe and publish
    String username = demo.at("/mqtt/username").asText();
    String password = demo.at("/mqtt/password").asText();
    assertPublishAndSubscribe(fixture, username, password);
    assertPublishAndSubscribe(fixture, username + "@" + demo.get("instanceId").asText(), password);
  }

  private static void assertPublishAndSubscribe(NodeFixture fixture, String username, String password)
      throws Exception {
    Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("demo-" + UUID.randomUUID())
        .serverHost("127.0.0.1").serverPort(fixture.mqttPort())
        .simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
        .buildBlocking();
    client.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes = client.publishes(MqttGlobalPublishFilter.ALL)) {
      String topic = "demo/" + UUID.randomUUID();
      client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload("hi".getBytes(StandardCharsets.UTF_8))
          .send();
      Optional<Mqtt5Publish> received = publishes.receive(10, TimeUnit.SECONDS);
      assertThat(received).hasValueSatisfying(p ->
          assertThat(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("hi"));
    } finally {
      client.disconnect();
    }
  }

  private static int adminStatus(NodeFixture fixture, String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(fixture.httpBase() + "/admin/v1/tenants"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
