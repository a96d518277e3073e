package io.tenantmq.deploy.emqx;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v5/api_key[/{name}]}: keys of the caller's instance made, read, changed and deleted through the API, and
 * what that does to the keys' own logins (a new key works at once; a disabled, expired or deleted key gets EMQX's 401).
 */
class ApiKeyApiTest {

  @TempDir
  static Path dataDir;
  static EmqxNode emqx;
  static final String RUN = EmqxNode.shortId();
  static final JsonObject BAD_KEY = new JsonObject().put("code", "BAD_API_KEY_OR_SECRET")
      .put("message", "Check api_key/api_secret");
  static final JsonObject NOT_FOUND = new JsonObject().put("code", "NOT_FOUND").put("message", "Name NOT FOUND");
  static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d";

  @BeforeAll
  static void start() throws Exception {
    emqx = new EmqxNode(dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    emqx.close();
  }

  /** Creates a key named {@code name} and returns the answer's body, secret included. */
  static JsonObject create(JsonObject body) {
    EmqxHttp.Answer answer = emqx.api.post("/api/v5/api_key", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.object();
  }

  static EmqxHttp login(JsonObject created) {
    return new EmqxHttp(emqx.httpPort, created.getString("api_key"), created.getString("api_secret"));
  }

  @Test
  void aCreatedKeyShowsItsSecretOnceAndWorksAtOnce() {
    String name = "billing-" + RUN;
    JsonObject created = create(new JsonObject().put("name", name).put("desc", "for billing"));
    assertThat(created.fieldNames()).containsExactlyInAnyOrder("name", "api_key", "api_secret", "expired_at",
        "created_at", "desc", "enable", "expired");
    assertThat(created.getString("name")).isEqualTo(name);
    assertThat(created.getString("api_key")).hasSize(16);
    assertThat(created.getString("api_secret")).hasSize(32);
    assertThat(created.getString("expired_at")).isEqualTo("infinity");
    assertThat(created.getString("created_at")).matches(TIME);
    assertThat(created.getString("desc")).isEqualTo("for billing");
    assertThat(created.getBoolean("enable")).isTrue();
    assertThat(created.getBoolean("expired")).isFalse();

    EmqxHttp.Answer withNewKey = login(created).get("/api/v5/clients");
    assertThat(withNewKey.status()).as(withNewKey.body()).isEqualTo(200);

    JsonObject read = emqx.api.get("/api/v5/api_key/" + name).object();
    JsonObject expected = created.copy();
    expected.remove("api_secret");
    assertThat(read).isEqualTo(expected);
    EmqxHttp.Answer list = emqx.api.get("/api/v5/api_key");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.array()).contains(expected);
    list.array().forEach(k -> assertThat(((JsonObject) k).containsKey("api_secret")).isFalse());
  }

  @Test
  void aDisabledKeyIsRefusedUntilEnabledAgain() {
    String name = "toggle-" + RUN;
    EmqxHttp key = login(create(new JsonObject().put("name", name)));
    assertThat(key.get("/api/v5/clients").status()).isEqualTo(200);

    EmqxHttp.Answer disabled = emqx.api.put("/api/v5/api_key/" + name, new JsonObject().put("enable", false));
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.object().getBoolean("enable")).isFalse();
    assertThat(disabled.object().containsKey("api_secret")).isFalse();
    EmqxHttp.Answer refused = key.get("/api/v5/clients");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.object()).isEqualTo(BAD_KEY);

    assertThat(emqx.api.put("/api/v5/api_key/" + name, new JsonObject().put("enable", true)).object()
        .getBoolean("enable")).isTrue();
    assertThat(key.get("/api/v5/clients").status()).isEqualTo(200);
  }

  @Test
  void putChangesDescAndExpiryAndAnExpiredKeyIsRefused() {
    String name = "expiring-" + RUN;
    EmqxHttp key = login(create(new JsonObject().put("name", name).put("expired_at", "2099-12-31T23:59:59+00:00")
        .put("desc", "first")));
    JsonObject read = emqx.api.get("/api/v5/api_key/" + name).object();
    assertThat(OffsetDateTime.parse(read.getString("expired_at")).toInstant())
        .isEqualTo(OffsetDateTime.parse("2099-12-31T23:59:59+00:00").toInstant());
    assertThat(read.getString("expired_at")).matches(TIME);

    EmqxHttp.Answer changed = emqx.api.put("/api/v5/api_key/" + name, new JsonObject().put("desc", "second")
        .put("expired_at", 4_102_444_800L)); // epoch seconds: 2100-01-01
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.object().getString("desc")).isEqualTo("second");
    assertThat(OffsetDateTime.parse(changed.object().getString("expired_at")).toEpochSecond()).isEqualTo(4_102_444_800L);
    assertThat(changed.object().getBoolean("enable")).isTrue();

    EmqxHttp.Answer past = emqx.api.put("/api/v5/api_key/" + name, new JsonObject()
        .put("expired_at", "2020-01-01T00:00:00Z"));
    assertThat(past.object().getBoolean("expired")).isTrue();
    assertThat(past.object().getString("desc")).isEqualTo("second"); // not given: kept
    assertThat(key.get("/api/v5/clients").object()).isEqualTo(BAD_KEY);

    // as EMQX: a PUT without expired_at makes the key never expire
    EmqxHttp.Answer forever = emqx.api.put("/api/v5/api_key/" + name, new JsonObject());
    assertThat(forever.object().getString("expired_at")).isEqualTo("infinity");
    assertThat(forever.object().getBoolean("expired")).isFalse();
    assertThat(key.get("/api/v5/clients").status()).isEqualTo(200);
  }

  @Test
  void aDeletedKeyIsGoneAndRefused() {
    String name = "doomed-" + RUN;
    EmqxHttp key = login(create(new JsonObject().put("name", name)));
    EmqxHttp.Answer deleted = emqx.api.delete("/api/v5/api_key/" + name);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    EmqxHttp.Answer refused = key.get("/api/v5/clients");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.object()).isEqualTo(BAD_KEY);
    for (EmqxHttp.Answer gone : List.of(emqx.api.get("/api/v5/api_key/" + name),
        emqx.api.delete("/api/v5/api_key/" + name),
        emqx.api.put("/api/v5/api_key/" + name, new JsonObject().put("enable", true)))) {
      assertThat(gone.status()).isEqualTo(404);
      assertThat(gone.object()).isEqualTo(NOT_FOUND);
    }
  }

  @Test
  void aTakenNameIsRefusedAndTheFirstKeyKept() {
    String name = "twice-" + RUN;
    JsonObject first = create(new JsonObject().put("name", name));
    EmqxHttp.Answer again = emqx.api.post("/api/v5/api_key", new JsonObject().put("name", name));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.object()).isEqualTo(new JsonObject().put("code", "BAD_REQUEST")
        .put("message", "name_already_existed"));
    assertThat(emqx.api.get("/api/v5/api_key/" + name).object().getString("api_key"))
        .isEqualTo(first.getString("api_key"));
    assertThat(emqx.api.get("/api/v5/api_key").array().stream()
        .filter(k -> ((JsonObject) k).getString("name").equals(name))).hasSize(1);
  }

  @Test
  void malformedRequestsAre400BadRequestAndCreateNothing() {
    int before = emqx.api.get("/api/v5/api_key").array().size();
    List<String> bodies = List.of(
        "{\"desc\":\"no name\"}",
        "{\"name\":\"1starts-with-a-digit\"}",
        "{\"name\":\"has space\"}",
        "{\"name\":\"\"}",
        "{\"name\":\"" + "n".repeat(257) + "\"}",
        "{\"name\":\"okname\",\"expired_at\":\"tomorrow\"}",
        "{\"name\":\"okname\",\"expired_at\":-5}",
        "{\"name\":\"okname\",\"enable\":\"yes\"}",
        "{\"name\":\"okname\",\"desc\":42}",
        "[]",
        "not json");
    for (String body : bodies) {
      EmqxHttp.Answer answer = emqx.api.send("POST", "/api/v5/api_key", body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.object().getString("code")).as(body).isEqualTo("BAD_REQUEST");
    }
    assertThat(emqx.api.send("POST", "/api/v5/api_key", "{\"name\":\"1bad\"}").object().getString("message"))
        .isEqualTo("Name should be ^[A-Za-z]+[A-Za-z0-9-_]*$");
    assertThat(emqx.api.get("/api/v5/api_key").array()).hasSize(before);
    assertThat(emqx.api.get("/api/v5/api_key/has%20space").status()).isEqualTo(400);
  }

  @Test
  void anotherTenantsKeyNeitherSeesNorChangesThisInstancesKeys() {
    String name = "private-" + RUN;
    EmqxHttp key = login(create(new JsonObject().put("name", name)));
    assertThat(emqx.otherTenant.get("/api/v5/api_key").array().stream()
        .map(k -> ((JsonObject) k).getString("api_key"))).doesNotContain(key.apiKey(), emqx.api.apiKey());
    assertThat(emqx.otherTenant.get("/api/v5/api_key/" + name).object()).isEqualTo(NOT_FOUND);
    assertThat(emqx.otherTenant.put("/api/v5/api_key/" + name, new JsonObject().put("enable", false)).status())
        .isEqualTo(404);
    assertThat(emqx.otherTenant.delete("/api/v5/api_key/" + name).status()).isEqualTo(404);
    assertThat(key.get("/api/v5/clients").status()).isEqualTo(200);
    // the same name is free in the other instance
    EmqxHttp.Answer theirs = emqx.otherTenant.post("/api/v5/api_key", new JsonObject().put("name", name));
    assertThat(theirs.status()).isEqualTo(200);
    assertThat(emqx.api.get("/api/v5/api_key/" + name).object().getString("api_key")).isEqualTo(key.apiKey());
  }
}
