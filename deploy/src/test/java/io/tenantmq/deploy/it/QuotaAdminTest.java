package io.tenantmq.deploy.it;

import static io.tenantmq.deploy.it.AdminApiTest.HTTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import io.tenantmq.deploy.NodeFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET/PUT /admin/v1/instances/{id}/quotas} of a whole node with the JDK's HttpClient, and the quota reaching
 * the node's MQTT listener and its {@code /metrics}.
 */
class QuotaAdminTest {

  static final String TOKEN = "operator-token-" + UUID.randomUUID();
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dataDir;
  static NodeFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = NodeFixture.start(dataDir, TOKEN);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void quotasAreUnsetUntilPutAndReadBackAsPut() throws Exception {
    String instance = instance();
    JsonNode before = call("GET", quotas(instance), null).json;
    assertThat(before.get("instanceId").asText()).isEqualTo(instance);
    assertThat(before.get("maxConnections").isNull()).isTrue();

    Reply put = call("PUT", quotas(instance), "{\"maxConnections\":10,\"maxSubscriptionsPerClient\":5,"
        + "\"messagesPerSecondPerClient\":100,\"messagesPerSecondPerInstance\":1000,\"maxPacketSize\":4096,"
        + "\"maxQueuedMessages\":50}");
    assertThat(put.status).as(put.body).isEqualTo(200);
    JsonNode read = call("GET", quotas(instance), null).json;
    assertThat(read.get("maxConnections").asInt()).isEqualTo(10);
    assertThat(read.get("maxSubscriptionsPerClient").asInt()).isEqualTo(5);
    assertThat(read.get("messagesPerSecondPerClient").asInt()).isEqualTo(100);
    assertThat(read.get("messagesPerSecondPerInstance").asInt()).isEqualTo(1000);
    assertThat(read.get("maxPacketSize").asInt()).isEqualTo(4096);
    assertThat(read.get("maxQueuedMessages").asInt()).isEqualTo(50);

    // a PUT replaces the whole set: what it leaves out is unset again
    call("PUT", quotas(instance), "{\"maxConnections\":3}");
    JsonNode replaced = call("GET", quotas(instance), null).json;
    assertThat(replaced.get("maxConnections").asInt()).isEqualTo(3);
    assertThat(replaced.get("maxPacketSize").isNull()).isTrue();
  }

  @Test
  void badQuotasAreRefusedWithTheFieldNamedAndChangeNothing() throws Exception {
    String instance = instance();
    call("PUT", quotas(instance), "{\"maxConnections\":7}");
    for (String bad : new String[] {"{\"maxConnections\":0}", "{\"maxConnections\":-5}",
        "{\"maxConnections\":1.5}", "{\"maxConnections\":\"10\"}", "{\"maxPacketSize\":100}",
        "{\"maxConnections\":99999999999}", "{\"maxConections\":5}", "[1]", "not json"}) {
      Reply r = call("PUT", quotas(instance), bad);
      assertThat(r.status).as(bad + " -> " + r.body).isEqualTo(400);
      assertThat(r.code()).isEqualTo("INVALID_PARAMETER");
    }
    assertThat(call("PUT", quotas(instance), "{\"maxPacketSize\":100}").message()).contains("maxPacketSize")
        .contains("1024");
    assertThat(call("GET", quotas(instance), null).json.get("maxConnections").asInt()).isEqualTo(7);
  }

  @Test
  void quotasOfAnUnknownInstanceAreNotFound() throws Exception {
    assertThat(call("GET", quotas("no-such-instance"), null).status).isEqualTo(404);
    Reply put = call("PUT", quotas("no-such-instance"), "{\"maxConnections\":1}");
    assertThat(put.status).isEqualTo(404);
    assertThat(put.code()).isEqualTo("NOT_FOUND");
  }

  @Test
  void aConnectionQuotaPutThroughTheApiRefusesWith0x97AndShowsInMetrics() throws Exception {
    String instance = instance();
    call("POST", "/admin/v1/instances/" + instance + "/users", "{\"username\":\"dev\",\"password\":\"pw-dev-1\"}");
    assertThat(call("PUT", quotas(instance), "{\"maxConnections\":1}").status).isEqualTo(200);
    Mqtt5BlockingClient first = client("dev@" + instance, "pw-dev-1");
    first.connect();
    try {
      // the node's view follows the map through a listener: the second CONNECT is refused once it arrived
      Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        Mqtt5ConnAckException e = catchThrowableOfType(Mqtt5ConnAckException.class,
            () -> client("dev@" + instance, "pw-dev-1").connect());
        assertThat(e).isNotNull();
        assertThat(e.getMqttMessage().getReasonCode().getCode()).isEqualTo(0x97);
      });
      String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(fixture.httpBase() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics.lines().filter(l -> l.startsWith("tenantmq_quota_exceeded_total")
          && l.contains("instance=\"" + instance + "\"") && l.contains("quota=\"connections\"")))
          .singleElement().satisfies(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
              .isGreaterThanOrEqualTo(1));
    } finally {
      first.disconnect();
    }
  }

  @Test
  void deletingAnInstanceDeletesItsQuotas() throws Exception {
    String instance = instance();
    call("PUT", quotas(instance), "{\"maxConnections\":2}");
    assertThat(call("DELETE", "/admin/v1/instances/" + instance, null).status).isEqualTo(204);
    assertThat(fixture.node().control().quotas().get(instance).toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isEmpty();
  }

  private static String quotas(String instance) {
    return "/admin/v1/instances/" + instance + "/quotas";
  }

  private static String instance() throws Exception {
    String tenant = call("POST", "/admin/v1/tenants", null).json.get("tenantId").asText();
    Reply r = call("POST", "/admin/v1/tenants/" + tenant + "/instances", null);
    assertThat(r.status).isEqualTo(201);
    return r.json.get("instanceId").asText();
  }

  private static Mqtt5BlockingClient client(String username, String password) {
    return Mqtt5Client.builder().identifier("quota-it-" + UUID.randomUUID())
        .serverHost("127.0.0.1").serverPort(fixture.mqttPort())
        .simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
        .buildBlocking();
  }

  static Reply call(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.httpBase() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN);
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
  }

  record Reply(int status, String body, JsonNode json) {
    String code() {
      return json == null ? "" : json.path("error").path("code").asText();
    }

    String message() {
      return json == null ? "" : json.path("error").path("message").asText();
    }
  }
}
