package io.tenantmq.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantmq.deploy.config.ConfigFile;
import io.tenantmq.deploy.config.ConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The all-in-one node as the launcher starts it, seen from outside: files, HTTP, and mosquitto clients. */
class TenantMqNodeTest {

  @TempDir
  static Path dataDir;
  static TenantMqNode node;
  static JsonNode ports;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    ConfigFile flags = new ConfigFile(null, "127.0.0.1", 0, 0, 0, null, dataDir.toString(), "node-it",
        "it-" + UUID.randomUUID(), null, List.of("127.0.0.1"), null, null, null, null, null, null);
    node = new TenantMqNode(ConfigLoader.resolve(ConfigFile.EMPTY, flags)).start();
    ports = new ObjectMapper().readTree(dataDir.resolve(PortsFile.FILE_NAME).toFile());
  }

  @AfterAll
  static void stop() {
    node.stop();
  }

  @Test
  void portsFileNamesEveryBoundPort() {
    assertThat(ports.get("mqtt").asInt()).isPositive();
    assertThat(ports.get("ws").asInt()).isPositive();
    assertThat(ports.get("http").asInt()).isPositive();
    assertThat(ports.has("tls")).isTrue();
    assertThat(ports.get("tls").isNull()).isTrue();
  }

  @Test
  void demoCredentialsFileHasTheContractShape() throws Exception {
    JsonNode demo = new ObjectMapper().readTree(dataDir.resolve("demo-credentials.json").toFile());
    assertThat(demo.get("tenantId").asText()).startsWith("tenant-");
    assertThat(demo.get("instanceId").asText()).matches("mqtt-[a-z0-9]{8}");
    assertThat(demo.get("instanceId").asText()).isEqualTo(node.demo().instanceId());
  }

  @Test
  void healthzIsUpAndMetricsArePrometheusText() throws Exception {
    HttpResponse<String> health = get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("tenantmq_connections_active").contains("vertx_http_server");
  }

  @Test
  void mosquittoClientsTalkThroughTheDemoInstance() throws Exception {
    int mqtt = ports.get("mqtt").asInt();
    String topic = "tour/" + UUID.randomUUID();
    Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(mqtt), "-t", topic,
        "-C", "1", "-W", "10", "-q", "1").redirectErrorStream(true).start();
    // publish until the subscriber has subscribed and exits with the message
    for (int i = 0; i < 40 && sub.isAlive(); i++) {
      new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(mqtt), "-t", topic, "-m", "hello",
          "-q", "1").start().waitFor(5, TimeUnit.SECONDS);
      sub.waitFor(250, TimeUnit.MILLISECONDS);
    }
    assertThat(sub.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()).isEqualTo("hello");
    assertThat(sub.exitValue()).isZero();
  }

  @Test
  void configFileIsReadAndFlagsWin() throws Exception {
    Path file = Files.writeString(dataDir.resolve("cfg.json"), "{\"mqttPort\": 1999, \"httpPort\": 8081}");
    ConfigFile flags = new ConfigFile(null, null, 2000, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null);
    var config = ConfigLoader.resolve(ConfigLoader.readFile(file), flags);
    assertThat(config.mqttPort()).isEqualTo(2000);
    assertThat(config.httpPort()).isEqualTo(8081);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get("http").asInt() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
