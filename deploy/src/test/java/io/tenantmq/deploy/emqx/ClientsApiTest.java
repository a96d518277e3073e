package io.tenantmq.deploy.emqx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v5/clients} against real MQTT clients of the demo instance: a fixed population of clients connected once
 * for the class (MQTT 5 and 3.1.1, with and without user names and clean start), listed, filtered, projected and paged.
 */
class ClientsApiTest {

  @TempDir
  static Path dataDir;
  static EmqxNode emqx;
  static final String RUN = EmqxNode.shortId();
  static final List<Object> CLIENTS = new ArrayList<>();
  static long connectedAfterFirstThree;

  @BeforeAll
  static void start() throws Exception {
    emqx = new EmqxNode(dataDir);
    emqx.user("alice-" + RUN);
    // five MQTT 5 clients "v5-<run>-0..4" (user "alice" for even ones), three 3.1.1 clients "v3-<run>-0..2"
    for (int i = 0; i < 5; i++) {
      Mqtt5BlockingClient c = emqx.mqtt5("v5-" + RUN + "-" + i);
      var connect = c.connectWith().cleanStart(i != 4);
      if (i % 2 == 0) {
        connect = connect.simpleAuth().username("alice-" + RUN).password("pw".getBytes(StandardCharsets.UTF_8))
            .applySimpleAuth();
      }
      if (i == 4) {
        connect = connect.sessionExpiryInterval(600);
      }
      connect.send();
      CLIENTS.add(c);
      if (i == 2) {
        Thread.yield();
        connectedAfterFirstThree = System.currentTimeMillis();
      }
    }
    for (int i = 0; i < 3; i++) {
      Mqtt3BlockingClient c = emqx.mqtt3("v3-" + RUN + "-" + i);
      c.connect();
      CLIENTS.add(c);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> ids("like_clientid=" + RUN).size() == 8);
  }

  @AfterAll
  static void stop() throws Exception {
    for (Object c : CLIENTS) {
      if (c instanceof Mqtt5BlockingClient m && m.getState().isConnected()) {
        m.disconnect();
      } else if (c instanceof Mqtt3BlockingClient m && m.getState().isConnected()) {
        m.disconnect();
      }
    }
    emqx.close();
  }

  static JsonObject list(String query) {
    EmqxHttp.Answer answer = emqx.api.get("/api/v5/clients?" + query);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.object();
  }

  static List<String> ids(String query) {
    return list(query).getJsonArray("data").stream().map(o -> ((JsonObject) o).getString("clientid")).toList();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void listShowsEveryConnectedClientWithEmqxFieldsAndMeta() {
    JsonObject page = list("like_clientid=" + RUN + "&limit=50");
    assertThat(page.getJsonObject("meta")).isEqualTo(new JsonObject().put("page", 1).put("limit", 50).put("count", 8)
        .put("hasnext", false));
    JsonObject c = page.getJsonArray("data").stream().map(JsonObject.class::cast)
        .filter(o -> o.getString("clientid").equals("v5-" + RUN + "-0")).findFirst().orElseThrow();
    assertThat(c.getString("username")).isEqualTo("alice-" + RUN);
    assertThat(c.getInteger("proto_ver")).isEqualTo(5);
    assertThat(c.getString("proto_name")).isEqualTo("MQTT");
    assertThat(c.getString("ip_address")).isEqualTo("127.0.0.1");
    assertThat(c.getInteger("port")).isPositive();
    assertThat(c.getBoolean("connected")).isTrue();
    assertThat(c.getString("node")).isEqualTo("node-emqx-it");
    assertThat(c.getString("connected_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d\\d:\\d\\d");
    assertThat(c.getString("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d\\d:\\d\\d");
    assertThat(c.containsKey("disconnected_at")).isFalse();
    assertThat(c.getBoolean("clean_start")).isTrue();
    assertThat(c.getInteger("keepalive")).isEqualTo(60);
    assertThat(c.fieldNames()).contains("recv_oct", "send_msg.qos1", "mqueue_len", "inflight_max", "subscriptions_cnt",
        "heap_size", "expiry_interval", "listener");
    JsonObject v3 = emqx.api.get("/api/v5/clients/v3-" + RUN + "-1").object();
    assertThat(v3.getInteger("proto_ver")).isEqualTo(4);
    assertThat(v3.getValue("username")).isNull();
  }

  @Test
  void filtersNarrowTheList() {
    assertThat(ids("like_clientid=" + RUN + "&proto_ver=4")).containsExactly("v3-" + RUN + "-0", "v3-" + RUN + "-1",
        "v3-" + RUN + "-2");
    assertThat(ids("like_clientid=" + RUN + "&username=alice-" + RUN)).containsExactly("v5-" + RUN + "-0",
        "v5-" + RUN + "-2", "v5-" + RUN + "-4");
    assertThat(ids("_like_username=" + "ice-" + RUN)).hasSize(3);
    assertThat(ids("clientid=v5-" + RUN + "-1&clientid=v3-" + RUN + "-2")).containsExactly("v3-" + RUN + "-2",
        "v5-" + RUN + "-1");
    assertThat(ids("like_clientid=" + RUN + "&clean_start=false")).containsExactly("v5-" + RUN + "-4");
    assertThat(ids("like_clientid=" + RUN + "&conn_state=connected")).hasSize(8);
    assertThat(ids("like_clientid=" + RUN + "&conn_state=idle")).isEmpty();
    assertThat(ids("like_clientid=" + RUN + "&ip_address=127.0.0.1")).hasSize(8);
    assertThat(ids("like_clientid=" + RUN + "&ip_address=10.0.0.1")).isEmpty();
    assertThat(ids("like_clientid=" + RUN + "&node=node-emqx-it")).hasSize(8);
    assertThat(ids("like_clientid=" + RUN + "&node=elsewhere@127.0.0.1")).isEmpty();
    // time bounds, in epoch ms and in RFC 3339
    assertThat(ids("like_clientid=" + RUN + "&gte_connected_at=" + (System.currentTimeMillis() + 60_000))).isEmpty();
    assertThat(ids("like_clientid=" + RUN + "&lte_created_at=" + enc("2000-01-01T00:00:00+00:00"))).isEmpty();
    assertThat(ids("like_clientid=" + RUN + "&gte_created_at=" + enc("2000-01-01T00:00:00.000+08:00"))).hasSize(8);
    assertThat(ids("like_clientid=v3-" + RUN + "&gte_connected_at=" + connectedAfterFirstThree)).hasSize(3);
  }

  @Test
  void fieldsProjectEachRecord() {
    JsonArray data = list("like_clientid=" + RUN + "&fields=clientid,proto_ver").getJsonArray("data");
    assertThat(data).hasSize(8);
    data.forEach(o -> assertThat(((JsonObject) o).fieldNames()).containsExactlyInAnyOrder("clientid", "proto_ver"));
    assertThat(list("like_clientid=" + RUN + "&fields=all").getJsonArray("data").getJsonObject(0).fieldNames())
        .contains("recv_pkt", "node");
  }

  @Test
  void pagesWalkTheListInClientIdOrder() {
    JsonObject first = list("like_clientid=" + RUN + "&limit=3&page=1");
    JsonObject third = list("like_clientid=" + RUN + "&_limit=3&_page=3");
    assertThat(first.getJsonObject("meta").getBoolean("hasnext")).isTrue();
    assertThat(first.getJsonObject("meta").getInteger("count")).isEqualTo(8);
    assertThat(third.getJsonObject("meta").getBoolean("hasnext")).isFalse();
    assertThat(third.getJsonArray("data")).hasSize(2);
    List<String> all = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      all.addAll(ids("like_clientid=" + RUN + "&limit=3&page=" + page));
    }
    assertThat(all).hasSize(8).isSorted().doesNotHaveDuplicates();
    assertThat(ids("like_clientid=" + RUN + "&limit=3&page=4")).isEmpty();
  }

  @Test
  void cursorPagesStayConsistentWhileClientsComeAndGo() {
    String prefix = "cur-" + EmqxNode.shortId();
    List<Mqtt5BlockingClient> started = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Mqtt5BlockingClient c = emqx.mqtt5(prefix + "-" + (char) ('b' + 2 * i)); // b, d, f, h, j, l
      c.connect();
      started.add(c);
    }
    try {
      // a new client reaches the listing within milliseconds (the registry's id index trails the map by one event)
      await().atMost(Duration.ofSeconds(10)).until(() -> ids("like_clientid=" + prefix).size() == 6);
      JsonObject page1 = emqx.api.get("/api/v5/clients_v2?limit=2&like_clientid=" + prefix).object();
      assertThat(ids(page1)).containsExactly(prefix + "-b", prefix + "-d");
      String cursor = page1.getJsonObject("meta").getString("cursor");
      // between pages: one listed client leaves, one sorts before the cursor, one after it
      started.get(0).disconnect();
      Mqtt5BlockingClient early = emqx.mqtt5(prefix + "-a");
      early.connect();
      Mqtt5BlockingClient late = emqx.mqtt5(prefix + "-e");
      late.connect();
      started.add(early);
      started.add(late);
      await().atMost(Duration.ofSeconds(10)).until(() -> ids("like_clientid=" + prefix).size() == 7);
      List<String> rest = new ArrayList<>();
      while (cursor != null) {
        JsonObject page = emqx.api.get("/api/v5/clients_v2?limit=2&like_clientid=" + prefix + "&cursor=" + cursor)
            .object();
        rest.addAll(ids(page));
        cursor = page.getJsonObject("meta").getBoolean("hasnext") ? page.getJsonObject("meta").getString("cursor") : null;
      }
      // every client present throughout appears once; the one that joined before the cursor is not revisited
      assertThat(rest).containsExactly(prefix + "-e", prefix + "-f", prefix + "-h", prefix + "-j", prefix + "-l");
    } finally {
      started.stream().filter(c -> c.getState().isConnected()).forEach(Mqtt5BlockingClient::disconnect);
    }
  }

  static List<String> ids(JsonObject page) {
    return page.getJsonArray("data").stream().map(o -> ((JsonObject) o).getString("clientid")).toList();
  }

  @Test
  void unknownClientIs404ClientIdNotFound() {
    EmqxHttp.Answer get = emqx.api.get("/api/v5/clients/nope-" + RUN);
    assertThat(get.status()).isEqualTo(404);
    assertThat(get.object()).isEqualTo(new JsonObject().put("code", "CLIENTID_NOT_FOUND").put("message",
        "Client ID not found"));
    assertThat(emqx.api.delete("/api/v5/clients/nope-" + RUN).status()).isEqualTo(404);
  }

  @Test
  void deleteKicksTheClientWhichSeesTheDisconnect() throws Exception {
    String id = "kick me/" + RUN; // a client id that needs URL encoding
    Mqtt5BlockingClient client = emqx.mqtt5(id);
    client.connect();
    EmqxHttp.Answer kicked = emqx.api.delete("/api/v5/clients/" + enc(id).replace("+", "%20"));
    assertThat(kicked.status()).isEqualTo(204);
    assertThat(kicked.body()).isEmpty();
    await().atMost(Duration.ofSeconds(10)).until(() -> client.getState() == MqttClientState.DISCONNECTED);
  }

  @Test
  void badParametersAre400BadRequest() {
    for (String query : List.of("limit=0", "limit=10001", "page=0", "page=x", "conn_state=sleeping",
        "clean_start=maybe", "gte_created_at=yesterday", "fields=clientid,nonsense")) {
      EmqxHttp.Answer answer = emqx.api.get("/api/v5/clients?" + query);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.object().getString("code")).as(query).isEqualTo("BAD_REQUEST");
    }
  }

  @Test
  void authErrorsAreEmqxs() {
    EmqxHttp wrongSecret = new EmqxHttp(emqx.httpPort, emqx.api.apiKey(), "wrong");
    EmqxHttp.Answer bad = wrongSecret.get("/api/v5/clients");
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.object()).isEqualTo(new JsonObject().put("code", "BAD_API_KEY_OR_SECRET")
        .put("message", "Check api_key/api_secret"));
    assertThat(bad.response().headers().firstValue("WWW-Authenticate")).hasValue("Basic Realm=\"emqx-dashboard\"");
    EmqxHttp.Answer unknownKey = new EmqxHttp(emqx.httpPort, "nokey", "x").get("/api/v5/clients");
    assertThat(unknownKey.object().getString("code")).isEqualTo("BAD_API_KEY_OR_SECRET");
    EmqxHttp.Answer none = emqx.api.send("GET", "/api/v5/clients", null, null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.object().getString("code")).isEqualTo("AUTHORIZATION_HEADER_ERROR");
    EmqxHttp.Answer digest = emqx.api.send("GET", "/api/v5/clients", null, "Digest abc");
    assertThat(digest.object().getString("code")).isEqualTo("AUTHORIZATION_HEADER_ERROR");
  }

  @Test
  void anotherTenantsKeySeesNoneOfTheseClients() {
    EmqxHttp.Answer list = emqx.otherTenant.get("/api/v5/clients?like_clientid=" + RUN);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.object().getJsonArray("data")).isEmpty();
    assertThat(list.object().getJsonObject("meta").getInteger("count")).isZero();
    assertThat(emqx.otherTenant.get("/api/v5/clients/v5-" + RUN + "-0").status()).isEqualTo(404);
    assertThat(emqx.otherTenant.delete("/api/v5/clients/v5-" + RUN + "-0").status()).isEqualTo(404);
    assertThat(((Mqtt5BlockingClient) CLIENTS.get(0)).getState().isConnected()).isTrue();
  }
}
