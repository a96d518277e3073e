package io.tenantmq.deploy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.Credential;
import io.tenantmq.control.registry.ClientQuery;
import io.tenantmq.control.topic.MqttTopic;
import io.tenantmq.deploy.NodeFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin HTTP API of a whole node, called with the JDK's HttpClient as an operator's script would. */
class AdminApiTest {

  static final String TOKEN = "operator-token-" + UUID.randomUUID();
  static final HttpClient HTTP = HttpClient.newHttpClient();
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

  // --- authentication

  @Test
  void requestWithoutTokenIsUnauthorized() throws Exception {
    Reply r = send("GET", "/admin/v1/tenants", null, null);
    assertThat(r.status).isEqualTo(401);
    assertThat(r.code()).isEqualTo("UNAUTHORIZED");
    assertThat(r.message()).contains("Authorization: Bearer");
    assertThat(r.headers.firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void requestWithWrongTokenIsUnauthorizedAndChangesNothing() throws Exception {
    String id = newId("t");
    Reply r = send("POST", "/admin/v1/tenants", "{\"tenantId\":\"" + id + "\"}", TOKEN + "x");
    assertThat(r.status).isEqualTo(401);
    assertThat(r.message()).contains("wrong").doesNotContain(TOKEN);
    assertThat(call("GET", "/admin/v1/tenants/" + id, null).status).isEqualTo(404);
  }

  @Test
  void anotherSchemeThanBearerIsUnauthorized() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(fixture.httpBase() + "/admin/v1/tenants"))
        .header("Authorization", "Basic " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
  }

  // --- tenants

  @Test
  void tenantIsCreatedListedReadAndDeleted() throws Exception {
    String id = newId("t");
    Reply created = call("POST", "/admin/v1/tenants", "{\"tenantId\":\"" + id + "\",\"name\":\"Acme Ltd\"}");
    assertThat(created.status).isEqualTo(201);
    assertThat(created.json.get("tenantId").asText()).isEqualTo(id);
    assertThat(created.json.get("name").asText()).isEqualTo("Acme Ltd");
    assertThat(created.json.get("createdAtMillis").asLong()).isPositive();

    assertThat(ids(call("GET", "/admin/v1/tenants", null).json.get("tenants"), "tenantId")).contains(id);
    Reply read = call("GET", "/admin/v1/tenants/" + id, null);
    assertThat(read.status).isEqualTo(200);
    assertThat(read.json).isEqualTo(created.json);

    assertThat(call("DELETE", "/admin/v1/tenants/" + id, null).status).isEqualTo(204);
    Reply gone = call("GET", "/admin/v1/tenants/" + id, null);
    assertThat(gone.status).isEqualTo(404);
    assertThat(gone.code()).isEqualTo("NOT_FOUND");
    assertThat(gone.message()).contains(id);
    assertThat(ids(call("GET", "/admin/v1/tenants", null).json.get("tenants"), "tenantId")).doesNotContain(id);
  }

  @Test
  void tenantWithoutIdGetsAGeneratedOneNamedAfterIt() throws Exception {
    Reply created = call("POST", "/admin/v1/tenants", null);
    assertThat(created.status).isEqualTo(201);
    String id = created.json.get("tenantId").asText();
    assertThat(id).matches("tenant-[a-z0-9]{8}");
    assertThat(created.json.get("name").asText()).isEqualTo(id);
  }

  @Test
  void secondTenantWithTheSameIdIsAConflictAndKeepsTheFirst() throws Exception {
    String id = newId("t");
    call("POST", "/admin/v1/tenants", "{\"tenantId\":\"" + id + "\",\"name\":\"first\"}");
    Reply again = call("POST", "/admin/v1/tenants", "{\"tenantId\":\"" + id + "\",\"name\":\"second\"}");
    assertThat(again.status).isEqualTo(409);
    assertThat(again.code()).isEqualTo("ALREADY_EXISTS");
    assertThat(again.message()).contains(id);
    assertThat(call("GET", "/admin/v1/tenants/" + id, null).json.get("name").asText()).isEqualTo("first");
  }

  @Test
  void malformedInputIsABadRequestNamingTheField() throws Exception {
    assertBadRequest(call("POST", "/admin/v1/tenants", "{\"tenantId\":\"Not_A_Label\"}"), "tenantId");
    assertBadRequest(call("POST", "/admin/v1/tenants", "{\"name\":5}"), "name");
    assertBadRequest(call("POST", "/admin/v1/tenants", "{\"name\":\"  \"}"), "name");
    assertBadRequest(call("POST", "/admin/v1/tenants", "{\"tenantID\":\"abc\"}"), "tenantID");
    assertBadRequest(call("POST", "/admin/v1/tenants", "{not json"), "JSON");
    assertBadRequest(call("POST", "/admin/v1/tenants", "[1,2]"), "JSON object");
    assertBadRequest(call("GET", "/admin/v1/tenants/UPPER", null), "tenantId");
  }

  @Test
  void unknownEndpointIsNotFoundInTheErrorEnvelope() throws Exception {
    Reply r = call("GET", "/admin/v1/nothing-here", null);
    assertThat(r.status).isEqualTo(404);
    assertThat(r.code()).isEqualTo("NOT_FOUND");
    assertThat(r.message()).contains("/admin/v1/nothing-here");
  }

  @Test
  void oversizedBodyIsRefused() throws Exception {
    Reply r = call("POST", "/admin/v1/tenants", "{\"name\":\"" + "x".repeat(20_000) + "\"}");
    assertThat(r.status).isEqualTo(413);
    assertThat(r.code()).isEqualTo("BODY_TOO_LARGE");
  }

  // --- instances

  @Test
  void instanceIsCreatedListedReadAndDeleted() throws Exception {
    String tenant = tenant();
    String id = newId("i");
    Reply created = call("POST", "/admin/v1/tenants/" + tenant + "/instances",
        "{\"instanceId\":\"" + id + "\",\"name\":\"plant 1\",\"remark\":\"line A\"}");
    assertThat(created.status).isEqualTo(201);
    assertThat(created.json.get("instanceId").asText()).isEqualTo(id);
    assertThat(created.json.get("tenantId").asText()).isEqualTo(tenant);
    assertThat(created.json.get("name").asText()).isEqualTo("plant 1");
    assertThat(created.json.get("remark").asText()).isEqualTo("line A");
    assertThat(created.json.get("anonymousLoopback").asBoolean()).isFalse();

    Reply generated = call("POST", "/admin/v1/tenants/" + tenant + "/instances", null);
    assertThat(generated.json.get("instanceId").asText()).matches("mqtt-[a-z0-9]{8}");

    assertThat(ids(call("GET", "/admin/v1/tenants/" + tenant + "/instances", null).json.get("instances"), "instanceId"))
        .containsExactlyInAnyOrder(id, generated.json.get("instanceId").asText());
    assertThat(call("GET", "/admin/v1/instances/" + id, null).json).isEqualTo(created.json);

    assertThat(call("DELETE", "/admin/v1/instances/" + id, null).status).isEqualTo(204);
    assertThat(call("GET", "/admin/v1/instances/" + id, null).status).isEqualTo(404);
    assertThat(call("DELETE", "/admin/v1/instances/" + id, null).status).isEqualTo(404);
  }

  @Test
  void instanceOfMissingTenantIsNotFound() throws Exception {
    Reply r = call("POST", "/admin/v1/tenants/no-such-tenant/instances", null);
    assertThat(r.status).isEqualTo(404);
    assertThat(r.message()).contains("no-such-tenant");
    assertThat(call("GET", "/admin/v1/tenants/no-such-tenant/instances", null).status).isEqualTo(404);
  }

  @Test
  void instanceIdTakenByAnotherTenantIsAConflict() throws Exception {
    String id = instance(tenant());
    Reply r = call("POST", "/admin/v1/tenants/" + tenant() + "/instances", "{\"instanceId\":\"" + id + "\"}");
    assertThat(r.status).isEqualTo(409);
    assertThat(r.message()).contains(id);
  }

  @Test
  void deletingAnInstanceDeletesItsUsersAndTopics() throws Exception {
    String instance = instance(tenant());
    user(instance, "dev1", "pw-1");
    ControlPlane control = fixture.node().control();
    await(control.topics().create(new MqttTopic(instance, "plant/temp", "", 1, 1)));

    assertThat(call("DELETE", "/admin/v1/instances/" + instance, null).status).isEqualTo(204);
    assertThat(await(control.users().list(instance))).isEmpty();
    assertThat(await(control.topics().list(instance))).isEmpty();
  }

  @Test
  void deletedInstanceRefusesNewConnections() throws Exception {
    // the demo instance is the one a plain anonymous loopback client lands in; no other test here uses it
    String instance = fixture.node().demo().instanceId();
    Mqtt5BlockingClient before = client();
    before.connect();
    before.disconnect();

    assertThat(call("DELETE", "/admin/v1/instances/" + instance, null).status).isEqualTo(204);

    assertThatThrownBy(() -> client().connect()).isInstanceOf(Mqtt5ConnAckException.class);
  }

  @Test
  void userCreatedThroughTheApiConnectsUntilItsInstanceIsDeleted() throws Exception {
    String instance = instance(tenant());
    user(instance, "dev1", "pw-dev1");
    Mqtt5BlockingClient client = client("dev1@" + instance, "pw-dev1");
    client.connect();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> await(fixture.node().control().registry()
        .list(instance, ClientQuery.all())).stream().anyMatch(r -> r.connected()));

    assertThat(call("DELETE", "/admin/v1/instances/" + instance, null).status).isEqualTo(204);

    // the delete closed the live connection, and the login is gone with the instance
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !client.getState().isConnected());
    assertThatThrownBy(() -> client("dev1@" + instance, "pw-dev1").connect())
        .isInstanceOf(Mqtt5ConnAckException.class);
  }

  @Test
  void deletedUserCanNoLongerConnect() throws Exception {
    String instance = instance(tenant());
    user(instance, "dev2", "pw-dev2");
    Mqtt5BlockingClient first = client("dev2@" + instance, "pw-dev2");
    first.connect();
    first.disconnect();
    assertThat(call("DELETE", "/admin/v1/instances/" + instance + "/users/dev2", null).status).isEqualTo(204);
    assertThatThrownBy(() -> client("dev2@" + instance, "pw-dev2").connect())
        .isInstanceOf(Mqtt5ConnAckException.class);
  }

  private static Mqtt5BlockingClient client(String username, String password) {
    return Mqtt5Client.builder().identifier("admin-it-" + UUID.randomUUID())
        .serverHost("127.0.0.1").serverPort(fixture.mqttPort())
        .simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
        .buildBlocking();
  }

  private static Mqtt5BlockingClient client() {
    return Mqtt5Client.builder().identifier("doomed-" + UUID.randomUUID())
        .serverHost("127.0.0.1").serverPort(fixture.mqttPort()).buildBlocking();
  }

  // --- credentials

  @Test
  void credentialSecretIsShownOnceAndWorks() throws Exception {
    String tenant = tenant();
    Reply created = call("POST", "/admin/v1/tenants/" + tenant + "/credentials", "{\"remark\":\"backend\"}");
    assertThat(created.status).isEqualTo(201);
    String id = created.json.get("credentialId").asText();
    String secret = created.json.get("secret").asText();
    assertThat(id).startsWith("AKID");
    assertThat(created.json.get("kind").asText()).isEqualTo("tencent");
    assertThat(created.json.get("tenantId").asText()).isEqualTo(tenant);
    assertThat(created.json.get("instanceId").isNull()).isTrue();
    assertThat(created.json.get("remark").asText()).isEqualTo("backend");
    assertThat(secret).hasSize(32);

    // the secret shown is the one the signed APIs will check
    Credential stored = await(fixture.node().control().credentials().get(id)).orElseThrow();
    assertThat(fixture.node().control().credentials().secretMatches(stored, secret)).isTrue();
    assertThat(stored.storedSecret()).doesNotContain(secret);

    Reply list = call("GET", "/admin/v1/tenants/" + tenant + "/credentials", null);
    assertThat(ids(list.json.get("credentials"), "credentialId")).containsExactly(id);
    assertThat(list.body).doesNotContain(secret).doesNotContain("\"secret\"").doesNotContain(stored.storedSecret());
    Reply read = call("GET", "/admin/v1/credentials/" + id, null);
    assertThat(read.status).isEqualTo(200);
    assertThat(read.body).doesNotContain(secret).doesNotContain("\"secret\"");
  }

  @Test
  void everyCredentialKindCanBeIssuedAndScopedToAnInstance() throws Exception {
    String tenant = tenant();
    String instance = instance(tenant);
    Reply aliyun = call("POST", "/admin/v1/tenants/" + tenant + "/credentials",
        "{\"kind\":\"aliyun\",\"instanceId\":\"" + instance + "\"}");
    assertThat(aliyun.status).isEqualTo(201);
    assertThat(aliyun.json.get("credentialId").asText()).startsWith("LTAI");
    assertThat(aliyun.json.get("instanceId").asText()).isEqualTo(instance);
    // an EMQX API key belongs to one instance
    assertBadRequest(call("POST", "/admin/v1/tenants/" + tenant + "/credentials", "{\"kind\":\"emqx\"}"),
        "instanceId");
    Reply emqx = call("POST", "/admin/v1/tenants/" + tenant + "/credentials",
        "{\"kind\":\"emqx\",\"instanceId\":\"" + instance + "\"}");
    assertThat(emqx.status).isEqualTo(201);
    assertThat(emqx.json.get("kind").asText()).isEqualTo("emqx");
    Credential stored = await(fixture.node().control().credentials().get(emqx.json.get("credentialId").asText()))
        .orElseThrow();
    assertThat(fixture.node().control().credentials().secretMatches(stored, emqx.json.get("secret").asText())).isTrue();
  }

  @Test
  void revokedCredentialIsGone() throws Exception {
    String tenant = tenant();
    String id = call("POST", "/admin/v1/tenants/" + tenant + "/credentials", null).json.get("credentialId").asText();
    assertThat(call("DELETE", "/admin/v1/credentials/" + id, null).status).isEqualTo(204);
    assertThat(call("GET", "/admin/v1/credentials/" + id, null).status).isEqualTo(404);
    assertThat(await(fixture.node().control().credentials().get(id))).isEmpty();
    Reply again = call("DELETE", "/admin/v1/credentials/" + id, null);
    assertThat(again.status).isEqualTo(404);
    assertThat(again.message()).contains(id);
  }

  @Test
  void badCredentialRequestsAreRefusedAndIssueNothing() throws Exception {
    String tenant = tenant();
    assertBadRequest(call("POST", "/admin/v1/tenants/" + tenant + "/credentials", "{\"kind\":\"aws\"}"), "kind");
    String foreign = instance(tenant());
    assertBadRequest(call("POST", "/admin/v1/tenants/" + tenant + "/credentials",
        "{\"instanceId\":\"" + foreign + "\"}"), "instanceId");
    assertBadRequest(call("DELETE", "/admin/v1/credentials/AKID-x", null), "credentialId");
    assertThat(call("GET", "/admin/v1/tenants/" + tenant + "/credentials", null).json.get("credentials")).isEmpty();
    assertThat(call("POST", "/admin/v1/tenants/no-such-tenant/credentials", null).status).isEqualTo(404);
  }

  // --- MQTT users

  @Test
  void userIsCreatedListedAndDeletedWithoutItsPasswordEverShown() throws Exception {
    String instance = instance(tenant());
    Reply created = call("POST", "/admin/v1/instances/" + instance + "/users",
        "{\"username\":\"sensor-1\",\"password\":\"s3cret-pw\",\"permWrite\":false}");
    assertThat(created.status).isEqualTo(201);
    assertThat(created.json.get("username").asText()).isEqualTo("sensor-1");
    assertThat(created.json.get("permRead").asBoolean()).isTrue();
    assertThat(created.json.get("permWrite").asBoolean()).isFalse();
    assertThat(created.body).doesNotContain("s3cret-pw").doesNotContain("password").doesNotContain("pbkdf2");

    Reply list = call("GET", "/admin/v1/instances/" + instance + "/users", null);
    assertThat(ids(list.json.get("users"), "username")).containsExactly("sensor-1");
    assertThat(list.body).doesNotContain("s3cret-pw").doesNotContain("pbkdf2");
    assertThat(await(fixture.node().control().users().authenticate(instance, "sensor-1", "s3cret-pw"))).isPresent();

    assertThat(call("POST", "/admin/v1/instances/" + instance + "/users",
        "{\"username\":\"sensor-1\",\"password\":\"other\"}").status).isEqualTo(409);
    assertThat(call("DELETE", "/admin/v1/instances/" + instance + "/users/sensor-1", null).status).isEqualTo(204);
    assertThat(call("DELETE", "/admin/v1/instances/" + instance + "/users/sensor-1", null).status).isEqualTo(404);
    assertThat(call("GET", "/admin/v1/instances/" + instance + "/users", null).json.get("users")).isEmpty();
  }

  @Test
  void badUserRequestsAreRefused() throws Exception {
    String instance = instance(tenant());
    assertBadRequest(call("POST", "/admin/v1/instances/" + instance + "/users", "{\"password\":\"x\"}"), "username");
    assertBadRequest(call("POST", "/admin/v1/instances/" + instance + "/users",
        "{\"username\":\"a@b\",\"password\":\"x\"}"), "username");
    assertBadRequest(call("POST", "/admin/v1/instances/" + instance + "/users", "{\"username\":\"a\"}"), "password");
    assertBadRequest(call("POST", "/admin/v1/instances/" + instance + "/users",
        "{\"username\":\"a\",\"password\":\"x\",\"permRead\":\"yes\"}"), "permRead");
    assertThat(call("POST", "/admin/v1/instances/no-such-instance/users",
        "{\"username\":\"a\",\"password\":\"x\"}").status).isEqualTo(404);
    assertThat(call("GET", "/admin/v1/instances/" + instance + "/users", null).json.get("users")).isEmpty();
  }

  // --- cascade and isolation

  @Test
  void deletingATenantDeletesItsInstancesUsersTopicsAndCredentialsButNoOtherTenants() throws Exception {
    String doomed = tenant();
    String i1 = instance(doomed);
    String i2 = instance(doomed);
    user(i1, "u1", "p1");
    user(i2, "u2", "p2");
    String cred = call("POST", "/admin/v1/tenants/" + doomed + "/credentials", null).json.get("credentialId").asText();
    String survivor = tenant();
    String kept = instance(survivor);
    user(kept, "u1", "p1");
    String keptCred = call("POST", "/admin/v1/tenants/" + survivor + "/credentials", null).json.get("credentialId")
        .asText();

    assertThat(call("DELETE", "/admin/v1/tenants/" + doomed, null).status).isEqualTo(204);

    assertThat(call("GET", "/admin/v1/tenants/" + doomed, null).status).isEqualTo(404);
    assertThat(call("GET", "/admin/v1/instances/" + i1, null).status).isEqualTo(404);
    assertThat(call("GET", "/admin/v1/instances/" + i2, null).status).isEqualTo(404);
    assertThat(call("GET", "/admin/v1/credentials/" + cred, null).status).isEqualTo(404);
    ControlPlane control = fixture.node().control();
    assertThat(await(control.users().list(i1))).isEmpty();
    assertThat(await(control.users().list(i2))).isEmpty();

    assertThat(call("GET", "/admin/v1/instances/" + kept, null).status).isEqualTo(200);
    assertThat(call("GET", "/admin/v1/credentials/" + keptCred, null).status).isEqualTo(200);
    assertThat(ids(call("GET", "/admin/v1/instances/" + kept + "/users", null).json.get("users"), "username"))
        .containsExactly("u1");
  }

  // --- helpers

  private static String tenant() throws Exception {
    return call("POST", "/admin/v1/tenants", null).json.get("tenantId").asText();
  }

  private static String instance(String tenant) throws Exception {
    Reply r = call("POST", "/admin/v1/tenants/" + tenant + "/instances", null);
    assertThat(r.status).isEqualTo(201);
    return r.json.get("instanceId").asText();
  }

  private static void user(String instance, String username, String password) throws Exception {
    Reply r = call("POST", "/admin/v1/instances/" + instance + "/users",
        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    assertThat(r.status).isEqualTo(201);
  }

  private static String newId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void assertBadRequest(Reply r, String named) {
    assertThat(r.status).as(r.body).isEqualTo(400);
    assertThat(r.code()).isEqualTo("INVALID_PARAMETER");
    assertThat(r.message()).contains(named);
  }

  private static List<String> ids(JsonNode array, String field) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.get(field).asText()));
    return ids;
  }

  private static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static Reply call(String method, String path, String body) throws Exception {
    return send(method, path, body, TOKEN);
  }

  static Reply send(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.httpBase() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = r.body().isEmpty() ? null : JSON.readTree(r.body());
    return new Reply(r.statusCode(), r.body(), json, r.headers());
  }

  record Reply(int status, String body, JsonNode json, java.net.http.HttpHeaders headers) {
    String code() {
      return Optional.ofNullable(json).map(j -> j.path("error").path("code").asText()).orElse("");
    }

    String message() {
      return Optional.ofNullable(json).map(j -> j.path("error").path("message").asText()).orElse("");
    }
  }
}
