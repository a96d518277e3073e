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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-client session endpoints of {@code /api/v5/clients/{clientid}/...} and the bulk kick-out, against real
 * MQTT clients of the demo instance: what the API changes, the clients observe (deliveries, disconnects).
 */
class ClientSessionApiTest {

  static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  static Path dataDir;
  static EmqxNode emqx;
  static final String RUN = EmqxNode.shortId();
  final List<Object> clients = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    emqx = new EmqxNode(dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    emqx.close();
  }

  @AfterEach
  void disconnectClients() {
    for (Object c : clients) {
      if (c instanceof Mqtt5BlockingClient m && m.getState().isConnected()) {
        m.disconnect();
      } else if (c instanceof Mqtt3BlockingClient m && m.getState().isConnected()) {
        m.disconnect();
      }
    }
  }

  private Mqtt5BlockingClient connected5(String clientId) {
    Mqtt5BlockingClient c = emqx.mqtt5(clientId);
    c.connectWith().cleanStart(true).send();
    clients.add(c);
    return c;
  }

  private Mqtt3BlockingClient connected3(String clientId) {
    Mqtt3BlockingClient c = emqx.mqtt3(clientId);
    c.connect();
    clients.add(c);
    return c;
  }

  private static String id(String name) {
    return name + "-" + RUN + "-" + EmqxNode.shortId();
  }

  private static String path(String clientId, String rest) {
    return "/api/v5/clients/" + clientId + rest;
  }

  private static JsonArray subscriptions(String clientId) {
    EmqxHttp.Answer answer = emqx.api.get(path(clientId, "/subscriptions"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.array();
  }

  private static void assertError(EmqxHttp.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.object().getString("code")).isEqualTo(code);
    assertThat(answer.object().getString("message")).isNotBlank();
  }

  private static void publish(Mqtt5BlockingClient publisher, String topic, String payload) {
    publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8))
        .send();
  }

  private static String text(Mqtt5Publish p) {
    return new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8);
  }

  private static JsonObject messages(String clientId, String rest) {
    EmqxHttp.Answer answer = emqx.api.get(path(clientId, rest));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.object();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  // ---- subscribe, list, unsubscribe ------------------------------------------------------------------------------

  @Test
  void subscribeOnBehalfDeliversPublishesIsListedAndUnsubscribeStopsDelivery() throws Exception {
    String clientId = id("sub");
    Mqtt5BlockingClient client = connected5(clientId);
    Mqtt5BlockingClient publisher = connected5(id("pub"));
    String filter = "sess/" + clientId + "/+";
    try (Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL)) {
      EmqxHttp.Answer subscribed = emqx.api.post(path(clientId, "/subscribe"),
          new JsonObject().put("topic", filter).put("qos", 1));
      assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(200);
      assertThat(subscribed.object()).isEqualTo(new JsonObject().put("topic", filter).put("qos", 1).put("nl", 0)
          .put("rap", 0).put("rh", 0).put("node", "node-emqx-it").put("clientid", clientId));

      JsonArray listed = await().atMost(WAIT).until(() -> subscriptions(clientId), a -> a.size() == 1);
      assertThat(listed.getJsonObject(0)).isEqualTo(new JsonObject().put("node", "node-emqx-it").put("topic", filter)
          .put("clientid", clientId).put("qos", 1).put("nl", 0).put("rap", 0).put("rh", 0).put("durable", false));

      publish(publisher, "sess/" + clientId + "/a", "hello");
      Mqtt5Publish delivered = received.receive(10, TimeUnit.SECONDS).orElseThrow();
      assertThat(delivered.getTopic().toString()).isEqualTo("sess/" + clientId + "/a");
      assertThat(text(delivered)).isEqualTo("hello");
      assertThat(delivered.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);

      EmqxHttp.Answer unsubscribed = emqx.api.post(path(clientId, "/unsubscribe"), new JsonObject().put("topic", filter));
      assertThat(unsubscribed.status()).as(unsubscribed.body()).isEqualTo(204);
      assertThat(unsubscribed.body()).isEmpty();
      await().atMost(WAIT).until(() -> subscriptions(clientId).isEmpty());

      client.subscribeWith().topicFilter("own/" + clientId).qos(MqttQos.AT_LEAST_ONCE).send();
      publish(publisher, "sess/" + clientId + "/a", "after unsubscribe");
      publish(publisher, "own/" + clientId, "marker");
      // the marker was published last: had the removed subscription still matched, its message would come first
      assertThat(text(received.receive(10, TimeUnit.SECONDS).orElseThrow())).isEqualTo("marker");
    }
  }

  @Test
  void bulkSubscribeAnswersEachInOrderAndBulkUnsubscribeRemovesThem() throws Exception {
    String clientId = id("bulk");
    Mqtt5BlockingClient client = connected5(clientId);
    Mqtt5BlockingClient publisher = connected5(id("pub"));
    // the global flow exists before any subscription, so that no delivery can arrive ahead of it
    Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL);
    EmqxHttp.Answer subscribed = emqx.api.post(path(clientId, "/subscribe/bulk"), new JsonArray()
        .add(new JsonObject().put("topic", "b/" + clientId + "/x"))
        .add(new JsonObject().put("topic", "a/" + clientId + "/#").put("qos", 2).put("rh", 1)));
    assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(200);
    assertThat(subscribed.array()).containsExactly(
        new JsonObject().put("topic", "b/" + clientId + "/x").put("qos", 0).put("nl", 0).put("rap", 0).put("rh", 0)
            .put("node", "node-emqx-it").put("clientid", clientId),
        new JsonObject().put("topic", "a/" + clientId + "/#").put("qos", 2).put("nl", 0).put("rap", 0).put("rh", 1)
            .put("node", "node-emqx-it").put("clientid", clientId));
    JsonArray listed = await().atMost(WAIT).until(() -> subscriptions(clientId), a -> a.size() == 2);
    assertThat(listed.stream().map(o -> ((JsonObject) o).getString("topic") + "@" + ((JsonObject) o).getInteger("qos")))
        .containsExactlyInAnyOrder("b/" + clientId + "/x@0", "a/" + clientId + "/#@2");

    publish(publisher, "a/" + clientId + "/deep/er", "one");
    assertThat(text(received.receive(10, TimeUnit.SECONDS).orElseThrow())).isEqualTo("one");
    received.close();

    EmqxHttp.Answer unsubscribed = emqx.api.post(path(clientId, "/unsubscribe/bulk"), new JsonArray()
        .add(new JsonObject().put("topic", "b/" + clientId + "/x"))
        .add(new JsonObject().put("topic", "a/" + clientId + "/#"))
        .add(new JsonObject().put("topic", "never/subscribed")));
    assertThat(unsubscribed.status()).as(unsubscribed.body()).isEqualTo(204);
    await().atMost(WAIT).until(() -> subscriptions(clientId).isEmpty());
  }

  @Test
  void subscriptionsOfAClientWithNoneIsAnEmptyArray() {
    String clientId = id("none");
    connected3(clientId);
    await().atMost(WAIT).until(() -> emqx.api.get(path(clientId, "")).status() == 200);
    assertThat(subscriptions(clientId)).isEqualTo(new JsonArray());
  }

  @Test
  void aClientsOwnSubscriptionsAreListed() {
    String clientId = id("own");
    Mqtt3BlockingClient client = connected3(clientId);
    client.subscribeWith().topicFilter("$share/g/own/" + clientId).qos(MqttQos.EXACTLY_ONCE).send();
    JsonArray listed = await().atMost(WAIT).until(() -> subscriptions(clientId), a -> a.size() == 1);
    assertThat(listed.getJsonObject(0).getString("topic")).isEqualTo("$share/g/own/" + clientId);
    assertThat(listed.getJsonObject(0).getInteger("qos")).isEqualTo(2);
  }

  @Test
  void badSubscribeRequestsAre400AndAddNothing() {
    String clientId = id("bad");
    connected5(clientId);
    await().atMost(WAIT).until(() -> emqx.api.get(path(clientId, "")).status() == 200);
    String subscribe = path(clientId, "/subscribe");
    assertError(emqx.api.post(subscribe, new JsonObject().put("topic", "$share/g/t").put("nl", 1)),
        400, "INVALID_PARAMETER");
    assertError(emqx.api.post(subscribe, new JsonObject().put("topic", "a/#/b")), 400, "BAD_REQUEST");
    assertError(emqx.api.post(subscribe, new JsonObject().put("topic", "a/b+")), 400, "BAD_REQUEST");
    assertError(emqx.api.post(subscribe, new JsonObject().put("topic", "")), 400, "BAD_REQUEST");
    assertError(emqx.api.post(subscribe, new JsonObject().put("topic", "a").put("qos", 3)), 400, "BAD_REQUEST");
    assertError(emqx.api.post(subscribe, new JsonObject().put("topic", "a").put("qos", "1")), 400, "BAD_REQUEST");
    assertError(emqx.api.post(subscribe, new JsonObject().put("qos", 1)), 400, "BAD_REQUEST");
    assertError(emqx.api.post(subscribe, new JsonArray()), 400, "BAD_REQUEST");
    assertError(emqx.api.send("POST", subscribe, "{not json"), 400, "BAD_REQUEST");
    // one bad item spoils the whole bulk request, before anything is subscribed
    assertError(emqx.api.post(path(clientId, "/subscribe/bulk"), new JsonArray()
        .add(new JsonObject().put("topic", "fine/" + clientId)).add(new JsonObject().put("topic", "a/#/b"))),
        400, "BAD_REQUEST");
    assertError(emqx.api.post(path(clientId, "/subscribe/bulk"), new JsonObject().put("topic", "a")),
        400, "BAD_REQUEST");
    assertError(emqx.api.post(path(clientId, "/unsubscribe"), new JsonObject()), 400, "BAD_REQUEST");
    assertError(emqx.api.post(path(clientId, "/unsubscribe/bulk"), new JsonArray().add("a")), 400, "BAD_REQUEST");
    assertThat(subscriptions(clientId)).isEmpty();
  }

  @Test
  void sessionEndpointsOfAnUnknownClientAre404ClientIdNotFound() {
    String nobody = id("nobody");
    JsonObject topic = new JsonObject().put("topic", "a/b");
    assertError(emqx.api.get(path(nobody, "/subscriptions")), 404, "CLIENTID_NOT_FOUND");
    assertError(emqx.api.post(path(nobody, "/subscribe"), topic), 404, "CLIENTID_NOT_FOUND");
    assertError(emqx.api.post(path(nobody, "/subscribe/bulk"), new JsonArray().add(topic)), 404, "CLIENTID_NOT_FOUND");
    assertError(emqx.api.post(path(nobody, "/unsubscribe"), topic), 404, "CLIENTID_NOT_FOUND");
    assertError(emqx.api.post(path(nobody, "/unsubscribe/bulk"), new JsonArray().add(topic)), 404,
        "CLIENTID_NOT_FOUND");
    assertError(emqx.api.put(path(nobody, "/keepalive"), new JsonObject().put("interval", 10)), 404,
        "CLIENTID_NOT_FOUND");
    assertError(emqx.api.get(path(nobody, "/mqueue_messages")), 404, "CLIENTID_NOT_FOUND");
    assertError(emqx.api.get(path(nobody, "/inflight_messages")), 404, "CLIENTID_NOT_FOUND");
  }

  // ---- bulk kick-out ----------------------------------------------------------------------------------------------

  @Test
  void bulkKickoutDisconnectsEachListedClientAndIgnoresUnknownIds() {
    String first = id("kick");
    String second = id("kick");
    String bystander = id("stay");
    Mqtt5BlockingClient one = connected5(first);
    Mqtt3BlockingClient two = connected3(second);
    Mqtt5BlockingClient three = connected5(bystander);

    EmqxHttp.Answer kicked = emqx.api.post("/api/v5/clients/kickout/bulk",
        new JsonArray().add(first).add(second).add(id("nobody")).add(first));
    assertThat(kicked.status()).as(kicked.body()).isEqualTo(204);
    assertThat(kicked.body()).isEmpty();
    await().atMost(WAIT).until(() -> one.getState() == MqttClientState.DISCONNECTED
        && two.getState() == MqttClientState.DISCONNECTED);
    assertThat(three.getState().isConnected()).isTrue();
    // a clean-start session ends with its connection: the registry forgets the client
    await().atMost(WAIT).until(() -> emqx.api.get(path(first, "")).status() == 404
        && emqx.api.get(path(second, "")).status() == 404);
  }

  @Test
  void bulkKickoutOfAnythingButAnArrayOfStringsIs400AndKicksNobody() {
    String clientId = id("kept");
    Mqtt5BlockingClient client = connected5(clientId);
    String kickout = "/api/v5/clients/kickout/bulk";
    assertError(emqx.api.post(kickout, new JsonObject().put("clientid", clientId)), 400, "BAD_REQUEST");
    assertError(emqx.api.post(kickout, new JsonArray().add(clientId).add(7)), 400, "BAD_REQUEST");
    assertError(emqx.api.post(kickout, new JsonArray().add(clientId).addNull()), 400, "BAD_REQUEST");
    assertError(emqx.api.send("POST", kickout, null), 400, "BAD_REQUEST");
    assertThat(emqx.api.post(kickout, new JsonArray()).status()).isEqualTo(204);
    assertThat(client.getState().isConnected()).isTrue();
    assertThat(emqx.api.get(path(clientId, "")).object().getBoolean("connected")).isTrue();
  }

  // ---- keepalive -------------------------------------------------------------------------------------------------

  @Test
  void badKeepaliveRequestsAre400BadRequest() {
    String clientId = id("ka");
    connected5(clientId);
    String keepalive = path(clientId, "/keepalive");
    EmqxHttp.Answer missing = emqx.api.put(keepalive, new JsonObject().put("interv", 5));
    assertError(missing, 400, "BAD_REQUEST");
    assertThat(missing.object().getString("message")).isEqualTo("Interval Not Found");
    assertError(emqx.api.put(keepalive, new JsonObject().put("interval", 65_536)), 400, "BAD_REQUEST");
    assertError(emqx.api.put(keepalive, new JsonObject().put("interval", -1)), 400, "BAD_REQUEST");
    assertError(emqx.api.put(keepalive, new JsonObject().put("interval", "5")), 400, "BAD_REQUEST");
    assertError(emqx.api.put(keepalive, new JsonArray().add(5)), 400, "BAD_REQUEST");
    assertThat(emqx.api.get(path(clientId, "")).object().getInteger("keepalive")).isEqualTo(60);
  }

  @Test
  void keepaliveChangeIsAnsweredAndTheConnectionClosesAfterTheNewIntervalWithoutPings() {
    String clientId = id("ka");
    Mqtt5BlockingClient client = emqx.mqtt5(clientId);
    clients.add(client);
    client.connectWith().cleanStart(true).keepAlive(600).send(); // the client would ping only every 10 minutes
    EmqxHttp.Answer set = emqx.api.put(path(clientId, "/keepalive"), new JsonObject().put("interval", 2));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.object().getString("clientid")).isEqualTo(clientId);
    assertThat(set.object().getInteger("keepalive")).isEqualTo(2);
    assertThat(set.object().getBoolean("connected")).isTrue();
    assertThat(emqx.api.get(path(clientId, "")).object().getInteger("keepalive")).isEqualTo(2);
    // [MQTT-3.1.2-24]: one and a half keepalives without a packet end the connection, not sooner
    await().atLeast(Duration.ofMillis(1500)).atMost(WAIT).until(() -> client.getState() == MqttClientState.DISCONNECTED);
  }

  // ---- held messages -------------------------------------------------------------------------------------------

  @Test
  void queuedMessagesOfAnOfflineSessionArePagedByPosition() {
    String clientId = id("queue");
    String topic = "q/" + clientId;
    Mqtt5BlockingClient client = emqx.mqtt5(clientId);
    client.connectWith().cleanStart(true).sessionExpiryInterval(600).send();
    client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
    client.disconnect();
    await().atMost(WAIT).until(() -> !emqx.api.get(path(clientId, "")).object().getBoolean("connected"));
    Mqtt5BlockingClient publisher = connected5(id("pub"));
    for (String payload : List.of("m1", "m2", "m3")) {
      publish(publisher, topic, payload);
    }

    JsonObject first = await().atMost(WAIT).until(() -> messages(clientId, "/mqueue_messages?limit=2"),
        page -> page.getJsonArray("data").size() == 2);
    JsonArray data = first.getJsonArray("data");
    assertThat(data.stream().map(o -> ((JsonObject) o).getString("payload")))
        .containsExactly(base64("m1"), base64("m2"));
    JsonObject m1 = data.getJsonObject(0);
    assertThat(m1.getString("topic")).isEqualTo(topic);
    assertThat(m1.getInteger("qos")).isEqualTo(1);
    assertThat(m1.getInteger("mqueue_priority")).isEqualTo(0);
    assertThat(m1.getString("msgid")).matches("[0-9A-F]{32}");
    assertThat(m1.fieldNames()).contains("publish_at", "from_clientid", "from_username", "inserted_at");
    JsonObject meta = first.getJsonObject("meta");
    assertThat(meta.getString("start")).isEqualTo(m1.getString("inserted_at") + "_0");
    assertThat(meta.getString("position")).isEqualTo(data.getJsonObject(1).getString("inserted_at") + "_0");

    JsonObject second = messages(clientId, "/mqueue_messages?limit=2&payload=plain&position=" + meta.getString("position"));
    assertThat(second.getJsonArray("data").stream().map(o -> ((JsonObject) o).getString("payload")))
        .containsExactly("m3");
    assertThat(messages(clientId, "/mqueue_messages?payload=none").getJsonArray("data").getJsonObject(0)
        .containsKey("payload")).isFalse();
    assertThat(messages(clientId, "/inflight_messages").getJsonArray("data")).isEmpty();
    // another tenant sees no queue of this client
    assertError(emqx.otherTenant.get(path(clientId, "/mqueue_messages")), 404, "CLIENTID_NOT_FOUND");
  }

  @Test
  void inflightMessagesAreThoseDeliveredAndNotYetAcknowledged() throws Exception {
    String clientId = id("inflight");
    String topic = "f/" + clientId;
    Mqtt5BlockingClient client = connected5(clientId);
    Mqtt5BlockingClient publisher = connected5(id("pub"));
    try (Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL, true)) {
      client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      publish(publisher, topic, "unacked-1");
      publish(publisher, topic, "unacked-2");
      Mqtt5Publish one = received.receive(10, TimeUnit.SECONDS).orElseThrow();
      Mqtt5Publish two = received.receive(10, TimeUnit.SECONDS).orElseThrow();

      JsonObject page = messages(clientId, "/inflight_messages?payload=plain");
      assertThat(page.getJsonArray("data").stream().map(o -> ((JsonObject) o).getString("payload")))
          .containsExactly("unacked-1", "unacked-2");
      JsonObject last = page.getJsonArray("data").getJsonObject(1);
      assertThat(last.getString("topic")).isEqualTo(topic);
      assertThat(last.containsKey("mqueue_priority")).isFalse();
      assertThat(page.getJsonObject("meta").getString("position")).isEqualTo(last.getString("inserted_at"));

      one.acknowledge();
      two.acknowledge();
      await().atMost(WAIT).until(() -> messages(clientId, "/inflight_messages").getJsonArray("data").isEmpty());
    }
  }


  @Test
  void badHeldMessageParametersAre400() {
    String clientId = id("held");
    connected5(clientId);
    for (String kind : List.of("/mqueue_messages", "/inflight_messages")) {
      assertError(emqx.api.get(path(clientId, kind + "?payload=xml")), 400, "BAD_REQUEST");
      assertError(emqx.api.get(path(clientId, kind + "?limit=0")), 400, "BAD_REQUEST");
      assertError(emqx.api.get(path(clientId, kind + "?max_payload_bytes=0")), 400, "BAD_REQUEST");
      assertError(emqx.api.get(path(clientId, kind + "?max_payload_bytes=lots")), 400, "BAD_REQUEST");
      assertError(emqx.api.get(path(clientId, kind + "?position=abc")), 400, "INVALID_PARAMETER");
    }
  }

  // ---- tenancy ---------------------------------------------------------------------------------------------------

  @Test
  void anotherTenantsKeyGets404ForTheseClientsAndChangesNothing() throws Exception {
    String clientId = id("mine");
    Mqtt5BlockingClient client = connected5(clientId);
    Mqtt5BlockingClient publisher = connected5(id("pub"));
    Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL);
    client.subscribeWith().topicFilter("mine/" + clientId).qos(MqttQos.AT_LEAST_ONCE).send();
    await().atMost(WAIT).until(() -> subscriptions(clientId).size() == 1);

    EmqxHttp other = emqx.otherTenant;
    JsonObject topic = new JsonObject().put("topic", "mine/" + clientId);
    assertError(other.get(path(clientId, "/subscriptions")), 404, "CLIENTID_NOT_FOUND");
    assertError(other.post(path(clientId, "/subscribe"), new JsonObject().put("topic", "stolen/#")), 404,
        "CLIENTID_NOT_FOUND");
    assertError(other.post(path(clientId, "/subscribe/bulk"), new JsonArray().add(new JsonObject()
        .put("topic", "stolen/#"))), 404, "CLIENTID_NOT_FOUND");
    assertError(other.post(path(clientId, "/unsubscribe"), topic), 404, "CLIENTID_NOT_FOUND");
    assertError(other.post(path(clientId, "/unsubscribe/bulk"), new JsonArray().add(topic)), 404,
        "CLIENTID_NOT_FOUND");
    assertError(other.put(path(clientId, "/keepalive"), new JsonObject().put("interval", 1)), 404,
        "CLIENTID_NOT_FOUND");
    assertError(other.get(path(clientId, "/mqueue_messages")), 404, "CLIENTID_NOT_FOUND");
    assertError(other.get(path(clientId, "/inflight_messages")), 404, "CLIENTID_NOT_FOUND");
    assertThat(other.post("/api/v5/clients/kickout/bulk", new JsonArray().add(clientId)).status()).isEqualTo(204);

    JsonArray listed = subscriptions(clientId);
    assertThat(listed).hasSize(1);
    assertThat(listed.getJsonObject(0).getString("topic")).isEqualTo("mine/" + clientId);
    JsonObject record = emqx.api.get(path(clientId, "")).object();
    assertThat(record.getBoolean("connected")).isTrue();
    assertThat(record.getInteger("keepalive")).isEqualTo(60);
    publish(publisher, "mine/" + clientId, "still subscribed");
    assertThat(text(received.receive(10, TimeUnit.SECONDS).orElseThrow())).isEqualTo("still subscribed");
    received.close();
    assertThat(client.getState().isConnected()).isTrue();
  }
}
