package io.tenantmq.deploy.emqx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EMQX's v4 shapes under {@code /api/v4} (and the same routes under {@code /api/v3}) against real MQTT clients of
 * the demo instance: four clients connected once for the class ({@code a-<run>-0..3}: MQTT 5 with a user name, MQTT 5
 * with a persistent session, HiveMQ 3.1.1, Paho 3.1), listed, filtered, paged and looked up; other tests connect
 * clients of their own to kick, publish to and subscribe on behalf of.
 */
class V4ApiTest {

  @TempDir
  static Path dataDir;
  static EmqxNode emqx;
  static final String RUN = EmqxNode.shortId();
  static final String PREFIX = "a-" + RUN;
  static final String USER = "bob-" + RUN;
  static final List<Object> CLIENTS = new ArrayList<>();
  static final Set<String> V4_FIELDS = Set.of("node", "clientid", "username", "proto_name", "proto_ver",
      "ip_address", "port", "is_bridge", "zone", "mountpoint", "connected", "connected_at", "created_at",
      "keepalive", "clean_start", "expiry_interval", "subscriptions_cnt", "max_subscriptions", "inflight",
      "max_inflight", "awaiting_rel", "max_awaiting_rel", "mqueue_len", "mqueue_dropped", "max_mqueue",
      "heap_size", "reductions", "mailbox_len", "recv_cnt", "recv_msg", "recv_msg.qos0", "recv_msg.qos1",
      "recv_msg.qos2", "recv_msg.dropped", "recv_msg.dropped.expired", "recv_oct", "recv_pkt", "send_cnt",
      "send_msg", "send_msg.qos0", "send_msg.qos1", "send_msg.qos2", "send_msg.dropped",
      "send_msg.dropped.expired", "send_msg.dropped.queue_full", "send_msg.dropped.too_large", "send_oct",
      "send_pkt");
  static final String V4_TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

  @BeforeAll
  static void start() throws Exception {
    emqx = new EmqxNode(dataDir);
    emqx.user(USER);
    Mqtt5BlockingClient withUser = emqx.mqtt5(PREFIX + "-0");
    withUser.connectWith().simpleAuth().username(USER).password("pw".getBytes(StandardCharsets.UTF_8))
        .applySimpleAuth().send();
    CLIENTS.add(withUser);
    Mqtt5BlockingClient persistent = emqx.mqtt5(PREFIX + "-1");
    persistent.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
    CLIENTS.add(persistent);
    Mqtt3BlockingClient mqtt311 = emqx.mqtt3(PREFIX + "-2");
    mqtt311.connect();
    CLIENTS.add(mqtt311);
    MqttClient mqtt31 = new MqttClient("tcp://127.0.0.1:" + emqx.mqttPort, PREFIX + "-3", new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
    options.setAutomaticReconnect(false);
    mqtt31.connect(options);
    CLIENTS.add(mqtt31);
    await().atMost(Duration.ofSeconds(10)).until(() -> ids("_like_clientid=" + PREFIX).size() == 4);
  }

  @AfterAll
  static void stop() throws Exception {
    for (Object c : CLIENTS) {
      if (c instanceof Mqtt5BlockingClient m && m.getState().isConnected()) {
        m.disconnect();
      } else if (c instanceof Mqtt3BlockingClient m && m.getState().isConnected()) {
        m.disconnect();
      } else if (c instanceof MqttClient m && m.isConnected()) {
        m.disconnect();
      }
    }
    emqx.close();
  }

  static JsonObject ok(EmqxHttp.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.object().getInteger("code")).as(answer.body()).isZero();
    return answer.object();
  }

  static JsonObject list(String query) {
    return ok(emqx.api.get("/api/v4/clients?" + query));
  }

  static List<String> ids(String query) {
    return ids(list(query).getJsonArray("data"));
  }

  static List<String> ids(JsonArray data) {
    return data.stream().map(o -> ((JsonObject) o).getString("clientid")).toList();
  }

  static JsonObject client(JsonArray data, String clientId) {
    return data.stream().map(JsonObject.class::cast).filter(o -> o.getString("clientid").equals(clientId))
        .findFirst().orElseThrow();
  }

  /** The v4 error envelope: HTTP 200 with {@code {"code", "message"}}. */
  static void assertError(EmqxHttp.Answer answer, int code, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.object()).isEqualTo(new JsonObject().put("code", code).put("message", message));
  }

  static Mqtt5BlockingClient.Mqtt5Publishes connectedWithInbox(Mqtt5BlockingClient client) {
    // registered before the connect, so that messages of subscriptions made on the client's behalf are caught too
    Mqtt5BlockingClient.Mqtt5Publishes inbox = client.publishes(MqttGlobalPublishFilter.ALL);
    client.connect();
    return inbox;
  }

  static Mqtt5Publish next(Mqtt5BlockingClient.Mqtt5Publishes inbox) throws InterruptedException {
    return inbox.receive(10, TimeUnit.SECONDS).orElseThrow(() -> new AssertionError("no message within 10 s"));
  }

  static String text(Mqtt5Publish publish) {
    return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void listAnswersTheV4EnvelopeWithV4ClientFields() {
    JsonObject page = list("_like_clientid=" + PREFIX);
    assertThat(page.fieldNames()).containsExactlyInAnyOrder("code", "data", "meta");
    assertThat(page.getJsonObject("meta")).isEqualTo(new JsonObject().put("page", 1).put("limit", 10000)
        .put("hasnext", false).put("count", 4));
    JsonArray data = page.getJsonArray("data");
    JsonObject c = client(data, PREFIX + "-0");
    assertThat(c.fieldNames()).containsExactlyInAnyOrderElementsOf(V4_FIELDS);
    assertThat(c.getString("username")).isEqualTo(USER);
    assertThat(c.getString("proto_name")).isEqualTo("MQTT");
    assertThat(c.getInteger("proto_ver")).isEqualTo(5);
    assertThat(c.getString("ip_address")).isEqualTo("127.0.0.1");
    assertThat(c.getInteger("port")).isPositive();
    assertThat(c.getBoolean("connected")).isTrue();
    assertThat(c.getString("node")).isEqualTo("node-emqx-it");
    assertThat(c.getString("zone")).isEqualTo("external");
    assertThat(c.getString("connected_at")).matches(V4_TIME);
    assertThat(c.getString("created_at")).matches(V4_TIME);
    assertThat(c.getInteger("max_inflight")).isEqualTo(32);
    assertThat(c.getInteger("max_mqueue")).isEqualTo(1000);
    assertThat(c.getInteger("keepalive")).isEqualTo(60);
    // traffic counters reach the registry every few seconds
    await().atMost(Duration.ofSeconds(15)).until(() -> ok(emqx.api.get("/api/v4/clients/" + PREFIX + "-0"))
        .getJsonArray("data").getJsonObject(0).getLong("recv_oct") > 0);
    JsonObject persistent = client(data, PREFIX + "-1");
    assertThat(persistent.getBoolean("clean_start")).isFalse();
    assertThat(persistent.getInteger("expiry_interval")).isEqualTo(300);
    // v4 writes Erlang's undefined for a client without a user name
    JsonObject mqtt311 = client(data, PREFIX + "-2");
    assertThat(mqtt311.getString("username")).isEqualTo("undefined");
    assertThat(mqtt311.getInteger("proto_ver")).isEqualTo(4);
    JsonObject mqtt31 = client(data, PREFIX + "-3");
    assertThat(mqtt31.getString("proto_name")).isEqualTo("MQIsdp");
    assertThat(mqtt31.getInteger("proto_ver")).isEqualTo(3);
  }

  @Test
  void pagesFollowUnderscoreAndPlainNames() {
    JsonObject first = list("_like_clientid=" + PREFIX + "&_page=1&_limit=3");
    assertThat(first.getJsonObject("meta")).isEqualTo(new JsonObject().put("page", 1).put("limit", 3)
        .put("hasnext", true).put("count", 4));
    JsonObject second = list("_like_clientid=" + PREFIX + "&page=2&limit=3");
    assertThat(second.getJsonObject("meta").getBoolean("hasnext")).isFalse();
    List<String> all = new ArrayList<>(ids(first.getJsonArray("data")));
    all.addAll(ids(second.getJsonArray("data")));
    assertThat(all).containsExactly(PREFIX + "-0", PREFIX + "-1", PREFIX + "-2", PREFIX + "-3");
    // EMQX's paths end in a slash ("/clients/"); both spellings answer
    assertThat(ids(ok(emqx.api.get("/api/v4/clients/?_like_clientid=" + PREFIX)).getJsonArray("data"))).hasSize(4);
  }

  @Test
  void filtersNarrowTheList() {
    String like = "_like_clientid=" + PREFIX;
    assertThat(ids("clientid=" + PREFIX + "-2")).containsExactly(PREFIX + "-2");
    assertThat(ids("username=" + USER)).containsExactly(PREFIX + "-0");
    assertThat(ids("_like_username=ob-" + RUN)).containsExactly(PREFIX + "-0");
    assertThat(ids(like + "&zone=external")).hasSize(4);
    assertThat(ids(like + "&zone=internal")).isEmpty();
    assertThat(ids(like + "&ip_address=127.0.0.1")).hasSize(4);
    assertThat(ids(like + "&ip_address=10.0.0.1")).isEmpty();
    assertThat(ids(like + "&conn_state=connected")).hasSize(4);
    assertThat(ids(like + "&conn_state=disconnected")).isEmpty();
    assertThat(ids(like + "&clean_start=false")).containsExactly(PREFIX + "-1");
    assertThat(ids(like + "&proto_name=MQIsdp")).containsExactly(PREFIX + "-3");
    assertThat(ids(like + "&proto_name=MQTT")).containsExactly(PREFIX + "-0", PREFIX + "-1", PREFIX + "-2");
    assertThat(ids(like + "&proto_name=MQTT&proto_ver=4")).containsExactly(PREFIX + "-2");
    assertThat(ids(like + "&proto_name=MQIsdp&proto_ver=5")).isEmpty();
    // v4 time bounds are epoch seconds
    long nowSeconds = System.currentTimeMillis() / 1000;
    assertThat(ids(like + "&_gte_created_at=" + (nowSeconds + 60))).isEmpty();
    assertThat(ids(like + "&_gte_connected_at=" + (nowSeconds - 3600) + "&_lte_connected_at=" + (nowSeconds + 60)))
        .hasSize(4);
    assertThat(ids(like + "&_lte_created_at=" + (nowSeconds - 3600))).isEmpty();
    JsonObject onNode = ok(emqx.api.get("/api/v4/nodes/node-emqx-it/clients?" + like));
    assertThat(onNode.getJsonArray("data")).hasSize(4);
    JsonObject elsewhere = ok(emqx.api.get("/api/v4/nodes/emqx@10.0.0.9/clients?" + like));
    assertThat(elsewhere.getJsonArray("data")).isEmpty();
  }

  @Test
  void badQueryParametersAreCode108() {
    for (String query : List.of("_page=x", "_limit=0", "_limit=abc", "proto_ver=x", "clean_start=maybe",
        "_gte_created_at=yesterday", "conn_state=sleeping")) {
      EmqxHttp.Answer answer = emqx.api.get("/api/v4/clients?" + query);
      assertThat(answer.status()).as(query).isEqualTo(200);
      assertThat(answer.object().getInteger("code")).as(query).isEqualTo(108);
      assertThat(answer.object().getString("message")).as(query).isNotBlank();
    }
  }

  @Test
  void lookupsAnswerAnArrayEmptyForAnUnknownClient() {
    JsonArray one = ok(emqx.api.get("/api/v4/clients/" + PREFIX + "-0")).getJsonArray("data");
    assertThat(ids(one)).containsExactly(PREFIX + "-0");
    assertThat(one.getJsonObject(0).fieldNames()).containsExactlyInAnyOrderElementsOf(V4_FIELDS);
    assertThat(ok(emqx.api.get("/api/v4/clients/nope-" + RUN))).isEqualTo(new JsonObject().put("code", 0)
        .put("data", new JsonArray()));
    assertThat(ids(ok(emqx.api.get("/api/v4/clients/username/" + USER)).getJsonArray("data")))
        .containsExactly(PREFIX + "-0");
    assertThat(ok(emqx.api.get("/api/v4/clients/username/nobody-" + RUN)).getJsonArray("data")).isEmpty();
    assertThat(ids(ok(emqx.api.get("/api/v4/nodes/node-emqx-it/clients/" + PREFIX + "-1")).getJsonArray("data")))
        .containsExactly(PREFIX + "-1");
    assertThat(ok(emqx.api.get("/api/v4/nodes/emqx@10.0.0.9/clients/" + PREFIX + "-1")).getJsonArray("data"))
        .isEmpty();
    assertThat(ids(ok(emqx.api.get("/api/v4/nodes/node-emqx-it/clients/username/" + USER)).getJsonArray("data")))
        .containsExactly(PREFIX + "-0");
  }

  @Test
  void deleteKicksTheClientWhichSeesTheDisconnect() {
    Mqtt5BlockingClient client = emqx.mqtt5("kick-" + RUN);
    client.connect();
    assertThat(ok(emqx.api.delete("/api/v4/clients/kick-" + RUN))).isEqualTo(new JsonObject().put("code", 0));
    await().atMost(Duration.ofSeconds(10)).until(() -> client.getState() == MqttClientState.DISCONNECTED);
  }

  @Test
  void deleteOfAClientThatIsNotOnlineIsCode112() {
    // T8
    EmqxHttp.Answer answer = emqx.api.delete("/api/v4/clients/nope");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"code\":112,\"message\":\"not_found\"}");
  }

  @Test
  void keepaliveIsSetOnTheLiveConnectionWithV4Codes() {
    String clientId = "ka-" + RUN;
    Mqtt5BlockingClient client = emqx.mqtt5(clientId);
    client.connect();
    try {
      String path = "/api/v4/clients/" + clientId + "/keepalive";
      assertThat(ok(emqx.api.put(path, new JsonObject().put("interval", 30))))
          .isEqualTo(new JsonObject().put("code", 0));
      await().atMost(Duration.ofSeconds(10)).until(() -> ok(emqx.api.get("/api/v4/clients/" + clientId))
          .getJsonArray("data").getJsonObject(0).getInteger("keepalive") == 30);
      // v4 reads parameters from the query string too
      ok(emqx.api.send("PUT", path + "?interval=45", null));
      await().atMost(Duration.ofSeconds(10)).until(() -> ok(emqx.api.get("/api/v4/clients/" + clientId))
          .getJsonArray("data").getJsonObject(0).getInteger("keepalive") == 45);
      assertError(emqx.api.put(path, new JsonObject()), 107, "params_not_found");
      assertError(emqx.api.put(path, new JsonObject().put("interval", 70000)), 102,
          "mqtt3.1.1 specification: keepalive must between 0~65535");
      assertThat(emqx.api.put(path, new JsonObject().put("interval", "often")).object().getInteger("code"))
          .isEqualTo(108);
      assertError(emqx.api.put("/api/v4/clients/nope-" + RUN + "/keepalive", new JsonObject().put("interval", 30)),
          112, "not_found");
      assertThat(client.getState().isConnected()).isTrue();
    } finally {
      client.disconnect();
    }
  }

  @Test
  void aclCacheOfAKnownClientIsEmptyAndClears() {
    assertThat(ok(emqx.api.get("/api/v4/clients/" + PREFIX + "-0/acl_cache")))
        .isEqualTo(new JsonObject().put("code", 0).put("data", new JsonArray()));
    assertThat(ok(emqx.api.delete("/api/v4/clients/" + PREFIX + "-0/acl_cache")))
        .isEqualTo(new JsonObject().put("code", 0));
    assertError(emqx.api.get("/api/v4/clients/nope-" + RUN + "/acl_cache"), 112, "not_found");
    assertError(emqx.api.delete("/api/v4/clients/nope-" + RUN + "/acl_cache"), 112, "not_found");
    assertError(emqx.otherTenant.get("/api/v4/clients/" + PREFIX + "-0/acl_cache"), 112, "not_found");
  }

  @Test
  void publishReachesASubscriberPlainBase64AndJson() throws Exception {
    String topic = "v4pub/" + RUN;
    Mqtt5BlockingClient subscriber = emqx.mqtt5("sub-" + RUN);
    Mqtt5BlockingClient.Mqtt5Publishes inbox = connectedWithInbox(subscriber);
    try {
      subscriber.subscribeWith().topicFilter(topic + "/#").qos(MqttQos.AT_LEAST_ONCE).send();
      assertThat(ok(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("topic", topic + "/plain")
          .put("payload", "hello").put("qos", 1).put("clientid", "api-" + RUN))))
          .isEqualTo(new JsonObject().put("code", 0));
      Mqtt5Publish plain = next(inbox);
      assertThat(plain.getTopic().toString()).isEqualTo(topic + "/plain");
      assertThat(text(plain)).isEqualTo("hello");
      assertThat(plain.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);

      byte[] binary = {0, 1, 2, (byte) 0xff};
      ok(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("topic", topic + "/b64")
          .put("payload", Base64.getEncoder().encodeToString(binary)).put("encoding", "base64")));
      assertThat(next(inbox).getPayloadAsBytes()).isEqualTo(binary);

      ok(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("topic", topic + "/json")
          .put("payload", new JsonObject().put("t", 21))));
      assertThat(new JsonObject(text(next(inbox)))).isEqualTo(new JsonObject().put("t", 21));

      // topics: one message per topic; with "return", their ids
      JsonObject both = ok(emqx.api.post("/api/v4/mqtt/publish", new JsonObject()
          .put("topics", topic + "/x," + topic + "/y").put("payload", "two").put("return", true)));
      assertThat(both.getJsonObject("data").getJsonArray("msgids")).hasSize(2)
          .allSatisfy(id -> assertThat((String) id).matches("[0-9A-F]{32}"));
      assertThat(List.of(next(inbox).getTopic().toString(), next(inbox).getTopic().toString()))
          .containsExactly(topic + "/x", topic + "/y");
      JsonObject one = ok(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("topic", topic + "/z")
          .put("payload", "one").put("return", true)));
      assertThat(one.getJsonObject("data").getString("msgid")).matches("[0-9A-F]{32}");
      assertThat(text(next(inbox))).isEqualTo("one");

      // MQTT 5 properties, and the user properties older clients give at the top level
      ok(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("topic", topic + "/props").put("payload", "p")
          .put("user_properties", new JsonObject().put("legacy", "yes"))
          .put("properties", new JsonObject().put("content_type", "text/plain").put("response_topic", "re/" + RUN)
              .put("message_expiry_interval", 60).put("user_properties", new JsonObject().put("k", 1)))));
      Mqtt5Publish withProperties = next(inbox);
      assertThat(withProperties.getContentType().map(Object::toString)).hasValue("text/plain");
      assertThat(withProperties.getResponseTopic().map(Object::toString)).hasValue("re/" + RUN);
      assertThat(withProperties.getMessageExpiryInterval()).isPresent();
      assertThat(withProperties.getUserProperties().asList().stream()
          .map(u -> u.getName() + "=" + u.getValue()).toList()).containsExactly("legacy=yes", "k=1");
    } finally {
      subscriber.disconnect();
    }
  }

  @Test
  void subscribeOnBehalfDeliversAndUnsubscribeStops() throws Exception {
    String clientId = "behalf-" + RUN;
    String topic = "v4sub/" + RUN;
    Mqtt5BlockingClient client = emqx.mqtt5(clientId);
    Mqtt5BlockingClient.Mqtt5Publishes inbox = connectedWithInbox(client);
    try {
      assertThat(ok(emqx.api.post("/api/v4/mqtt/subscribe", new JsonObject().put("clientid", clientId)
          .put("topics", topic + "/a," + topic + "/b").put("qos", 1)))).isEqualTo(new JsonObject().put("code", 0));
      await().atMost(Duration.ofSeconds(10)).until(() -> ok(emqx.api.get("/api/v4/clients/" + clientId))
          .getJsonArray("data").getJsonObject(0).getInteger("subscriptions_cnt") == 2);
      ok(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("topic", topic + "/a").put("payload", "1")));
      Mqtt5Publish first = next(inbox);
      assertThat(first.getTopic().toString()).isEqualTo(topic + "/a");
      assertThat(text(first)).isEqualTo("1");

      assertThat(ok(emqx.api.post("/api/v4/mqtt/unsubscribe", new JsonObject().put("clientid", clientId)
          .put("topic", topic + "/a")))).isEqualTo(new JsonObject().put("code", 0));
      // a message on the dropped filter, then one on the kept one: only the second arrives
      ok(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("topic", topic + "/a").put("payload", "2")));
      ok(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("topic", topic + "/b").put("payload", "3")));
      Mqtt5Publish next = next(inbox);
      assertThat(next.getTopic().toString()).isEqualTo(topic + "/b");
      assertThat(text(next)).isEqualTo("3");
    } finally {
      client.disconnect();
    }
  }

  @Test
  void batchFormsAnswerOneResultPerBody() throws Exception {
    String clientId = "batch-" + RUN;
    String topic = "v4batch/" + RUN;
    Mqtt5BlockingClient client = emqx.mqtt5(clientId);
    Mqtt5BlockingClient.Mqtt5Publishes inbox = connectedWithInbox(client);
    try {
      JsonArray subscribed = ok(emqx.api.post("/api/v4/mqtt/subscribe_batch", new JsonArray()
          .add(new JsonObject().put("clientid", clientId).put("topic", topic + "/1").put("qos", 1))
          .add(new JsonObject().put("clientid", "nope-" + RUN).put("topic", topic + "/2"))
          .add(new JsonObject().put("clientid", clientId).put("topic", "bad/#/x"))
          .add(new JsonObject().put("clientid", clientId).put("topic", topic + "/3").put("qos", 3))))
          .getJsonArray("data");
      assertThat(subscribed).isEqualTo(new JsonArray()
          .add(new JsonObject().put("clientid", clientId).put("topic", topic + "/1").put("code", 0))
          .add(new JsonObject().put("clientid", "nope-" + RUN).put("topic", topic + "/2").put("code", 112))
          .add(new JsonObject().put("clientid", clientId).put("topic", "bad/#/x").put("code", 115))
          .add(new JsonObject().put("clientid", clientId).put("topic", topic + "/3").put("code", 116)));

      JsonArray published = ok(emqx.api.post("/api/v4/mqtt/publish_batch", new JsonArray()
          .add(new JsonObject().put("topic", topic + "/1").put("payload", "batched"))
          .add(new JsonObject().put("topic", "a/+").put("payload", "x"))
          .add(new JsonObject().put("topic", topic + "/1").put("payload", "!!").put("encoding", "base64"))))
          .getJsonArray("data");
      assertThat(published).isEqualTo(new JsonArray()
          .add(new JsonObject().put("topic", topic + "/1").put("code", 0))
          .add(new JsonObject().put("topic", "a/+").put("code", 115))
          .add(new JsonObject().put("code", 108).put("message", "bad_params")));
      assertThat(text(next(inbox))).isEqualTo("batched");

      JsonArray unsubscribed = ok(emqx.api.post("/api/v4/mqtt/unsubscribe_batch", new JsonArray()
          .add(new JsonObject().put("clientid", clientId).put("topic", topic + "/1"))
          .add(new JsonObject().put("clientid", "nope-" + RUN).put("topic", topic + "/1"))))
          .getJsonArray("data");
      assertThat(unsubscribed).isEqualTo(new JsonArray()
          .add(new JsonObject().put("clientid", clientId).put("topic", topic + "/1").put("code", 0))
          .add(new JsonObject().put("clientid", "nope-" + RUN).put("topic", topic + "/1").put("code", 112)));
      await().atMost(Duration.ofSeconds(10)).until(() -> ok(emqx.api.get("/api/v4/clients/" + clientId))
          .getJsonArray("data").getJsonObject(0).getInteger("subscriptions_cnt") == 0);
    } finally {
      client.disconnect();
    }
  }

  @Test
  void pubSubErrorsAreV4Codes() {
    String topic = "v4err/" + RUN;
    assertError(emqx.api.post("/api/v4/mqtt/subscribe", new JsonObject().put("topic", topic)), 108,
        "bad clientid: must be string");
    assertError(emqx.api.post("/api/v4/mqtt/subscribe", new JsonObject().put("clientid", 7).put("topic", topic)),
        108, "bad clientid: must be string");
    assertError(emqx.api.post("/api/v4/mqtt/subscribe", new JsonObject().put("clientid", PREFIX + "-0")
        .put("topic", "a/#/b")), 115, "bad_topic");
    assertError(emqx.api.post("/api/v4/mqtt/subscribe", new JsonObject().put("clientid", PREFIX + "-0")), 115,
        "bad_topic");
    assertError(emqx.api.post("/api/v4/mqtt/subscribe", new JsonObject().put("clientid", PREFIX + "-0")
        .put("topic", topic).put("qos", 3)), 116, "bad_qos");
    assertError(emqx.api.post("/api/v4/mqtt/subscribe", new JsonObject().put("clientid", "nope-" + RUN)
        .put("topic", topic)), 112, "channel_not_found");
    assertError(emqx.api.post("/api/v4/mqtt/unsubscribe", new JsonObject().put("clientid", "nope-" + RUN)
        .put("topic", topic)), 112, "channel_not_found");
    assertError(emqx.api.post("/api/v4/mqtt/unsubscribe", new JsonObject().put("clientid", PREFIX + "-0")
        .put("topic", "+x")), 115, "bad_topic");
    assertError(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("payload", "x")), 115, "bad_topic");
    assertError(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("topic", "a/#").put("payload", "x")),
        115, "bad_topic");
    assertError(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("topic", topic).put("qos", 5)), 116,
        "bad_qos");
    assertError(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("topic", topic).put("retain", "yes")),
        108, "bad_params");
    assertError(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("topic", topic).put("payload", "%%")
        .put("encoding", "base64")), 108, "bad_params");
    assertError(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("topic", topic)
        .put("properties", new JsonObject().put("message_expiry_interval", "soon"))), 108, "bad_params");
    assertError(emqx.api.post("/api/v4/mqtt/publish", new JsonArray().add(1)), 109,
        "the request body must be a JSON object");
    assertError(emqx.api.post("/api/v4/mqtt/publish_batch", new JsonObject().put("topic", topic)), 109,
        "the request body must be a JSON array of objects");
    // as minirest answers before any handler: a body that is not JSON, a path that is not an API
    EmqxHttp.Answer notJson = emqx.api.send("POST", "/api/v4/mqtt/publish", "{topic:");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body()).isEqualTo("Bad Request");
    EmqxHttp.Answer unknown = emqx.api.get("/api/v4/no/such/path");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("Not found.");
  }

  @Test
  void badBasicAuthIsMinirests401() {
    for (EmqxHttp.Answer answer : List.of(
        new EmqxHttp(emqx.httpPort, emqx.api.apiKey(), "wrong").get("/api/v4/clients"),
        new EmqxHttp(emqx.httpPort, "nokey", "x").delete("/api/v3/clients/" + PREFIX + "-0"),
        emqx.api.send("GET", "/api/v4/clients", null, null),
        emqx.api.send("POST", "/api/v4/mqtt/publish", "{}", "Bearer abc"))) {
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.body()).isEqualTo("UNAUTHORIZED");
      assertThat(answer.response().headers().firstValue("WWW-Authenticate"))
          .hasValue("Basic Realm=\"minirest-server\"");
    }
    assertThat(((Mqtt5BlockingClient) CLIENTS.get(0)).getState().isConnected()).isTrue();
  }

  @Test
  void v3PrefixServesTheSameRoutes() throws Exception {
    assertThat(ids(ok(emqx.api.get("/api/v3/clients?_like_clientid=" + PREFIX)).getJsonArray("data"))).hasSize(4);
    assertThat(ids(ok(emqx.api.get("/api/v3/clients/" + PREFIX + "-2")).getJsonArray("data")))
        .containsExactly(PREFIX + "-2");
    assertError(emqx.api.delete("/api/v3/clients/nope-" + RUN), 112, "not_found");
    String clientId = "v3-" + RUN;
    Mqtt5BlockingClient client = emqx.mqtt5(clientId);
    Mqtt5BlockingClient.Mqtt5Publishes inbox = connectedWithInbox(client);
    try {
      // EMQX 3's bodies name the client client_id
      ok(emqx.api.post("/api/v3/mqtt/subscribe", new JsonObject().put("client_id", clientId)
          .put("topic", "v3/" + RUN).put("qos", 1)));
      await().atMost(Duration.ofSeconds(10)).until(() -> ok(emqx.api.get("/api/v3/clients/" + clientId))
          .getJsonArray("data").getJsonObject(0).getInteger("subscriptions_cnt") == 1);
      ok(emqx.api.post("/api/v3/mqtt/publish", new JsonObject().put("topic", "v3/" + RUN).put("payload", "three")
          .put("client_id", "api")));
      assertThat(text(next(inbox))).isEqualTo("three");
      assertThat(ok(emqx.api.delete("/api/v3/clients/" + clientId))).isEqualTo(new JsonObject().put("code", 0));
      await().atMost(Duration.ofSeconds(10)).until(() -> client.getState() == MqttClientState.DISCONNECTED);
    } finally {
      if (client.getState().isConnected()) {
        client.disconnect();
      }
    }
  }

  @Test
  void anotherTenantsKeySeesAndTouchesNoneOfTheseClients() throws Exception {
    JsonObject list = ok(emqx.otherTenant.get("/api/v4/clients?_like_clientid=" + PREFIX));
    assertThat(list.getJsonArray("data")).isEmpty();
    assertThat(list.getJsonObject("meta").getInteger("count")).isZero();
    assertThat(ok(emqx.otherTenant.get("/api/v4/clients/" + PREFIX + "-0")).getJsonArray("data")).isEmpty();
    assertThat(ok(emqx.otherTenant.get("/api/v4/clients/username/" + USER)).getJsonArray("data")).isEmpty();
    assertError(emqx.otherTenant.delete("/api/v4/clients/" + PREFIX + "-0"), 112, "not_found");
    String clientId = "own-" + RUN;
    String topic = "v4own/" + RUN;
    Mqtt5BlockingClient client = emqx.mqtt5(clientId);
    Mqtt5BlockingClient.Mqtt5Publishes inbox = connectedWithInbox(client);
    try {
      client.subscribeWith().topicFilter(topic).send();
      assertError(emqx.otherTenant.post("/api/v4/mqtt/subscribe", new JsonObject().put("clientid", clientId)
          .put("topic", "other/#")), 112, "channel_not_found");
      // the other tenant's message goes to its own instance: the first one this client gets is its own tenant's
      ok(emqx.otherTenant.post("/api/v4/mqtt/publish", new JsonObject().put("topic", topic).put("payload", "theirs")));
      ok(emqx.api.post("/api/v4/mqtt/publish", new JsonObject().put("topic", topic).put("payload", "ours")));
      assertThat(text(next(inbox))).isEqualTo("ours");
    } finally {
      client.disconnect();
    }
    assertThat(((Mqtt5BlockingClient) CLIENTS.get(0)).getState().isConnected()).isTrue();
  }
}
