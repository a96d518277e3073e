package io.tenantmq.deploy.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.tenantmq.control.event.ClientEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP pull, ack and offsets ({@code /api/v5/event-streams/{topic}/messages|ack|offsets}) of a whole node with the JDK
 * HttpClient and an EMQX API key, while real HiveMQ clients connect and disconnect. Each test uses a Group ID of its
 * own, so its {@code <GID>_MQTT} topic carries only its own clients' events.
 */
class EventPullApiTest {

  @TempDir
  static Path dataDir;
  static EventsNode events;

  @BeforeAll
  static void start() throws Exception {
    events = new EventsNode(dataDir);
  }

  @AfterAll
  static void stop() {
    if (events != null) {
      events.close();
    }
  }

  static String groupId() {
    return "GID_p" + EventsNode.shortId();
  }

  static String path(String topic, String action, String query) {
    return "/api/v5/event-streams/" + topic + "/" + action + (query.isEmpty() ? "" : "?" + query);
  }

  /** Connects and cleanly disconnects each client in turn, each once the stream holds the previous one's 3 events. */
  static void connectAndDisconnect(String... clientIds) {
    for (String clientId : clientIds) {
      Mqtt3BlockingClient device = events.mqtt3(clientId);
      device.connect();
      device.disconnect();
      await().atMost(Duration.ofSeconds(10)).until(() -> stored(clientId).size() == 3);
    }
  }

  /** What the demo instance's stream holds of one client (the store itself, to know when a pull can see it). */
  static List<ClientEvent> stored(String clientId) {
    return EventsNode.join(events.control.events().history(events.demoInstance, clientId, 0, Long.MAX_VALUE));
  }

  static JsonObject pull(EventsHttp key, String topic, String query) {
    EventsHttp.Answer answer = key.get(path(topic, "messages", query));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  static List<JsonObject> messages(JsonObject pulled) {
    return pulled.getJsonArray("messages").stream().map(JsonObject.class::cast).toList();
  }

  static List<String> handles(List<JsonObject> messages) {
    return messages.stream().map(m -> m.getString("receipt_handle")).toList();
  }

  static JsonObject ack(String topic, String group, String consumerId, List<String> handles) {
    JsonObject body = new JsonObject().put("consumer_group", group).put("receipt_handles", new JsonArray(handles));
    if (consumerId != null) {
      body.put("consumer_id", consumerId);
    }
    EventsHttp.Answer answer = events.api.post(path(topic, "ack", ""), body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  static long committed(EventsHttp key, String topic, String query) {
    EventsHttp.Answer answer = key.get(path(topic, "offsets", query));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getLong("committed_offset");
  }

  @Test
  void aPullGetsConnectDisconnectAndTcpcleanWithTheirBody() {
    String group = "G" + EventsNode.shortId();
    String gid = groupId();
    String clientId = gid + "@@@dev1";
    long before = System.currentTimeMillis();
    connectAndDisconnect(clientId);
    List<JsonObject> got = messages(pull(events.api, gid + "_MQTT", "consumer_group=" + group + "&from=first"));
    assertThat(got).extracting(m -> m.getString("tag")).containsExactly("connect", "disconnect", "tcpclean");
    assertThat(got).extracting(m -> m.getInteger("delivery_count")).containsOnly(1);
    assertThat(handles(got)).doesNotHaveDuplicates().allSatisfy(h -> assertThat(h).isNotBlank());
    JsonObject body = got.get(0).getJsonObject("body");
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("clientId", "time", "eventType", "channelId", "clientIp",
        "groupId", "username", "node", "reason", "offset");
    assertThat(body.getString("clientId")).isEqualTo(clientId);
    assertThat(body.getString("eventType")).isEqualTo("connect");
    assertThat(body.getString("groupId")).isEqualTo(gid);
    assertThat(body.getString("channelId")).matches("[0-9a-f]{32}");
    assertThat(body.getString("clientIp")).startsWith("127.0.0.1:");
    assertThat(body.getString("node")).isEqualTo(EventsNode.NODE_NAME);
    assertThat(body.getString("reason")).isEmpty();
    assertThat(body.getLong("time")).isBetween(before, System.currentTimeMillis());
    assertThat(got).allSatisfy(m -> assertThat(m.getLong("offset")).isEqualTo(m.getJsonObject("body").getLong("offset")));
    assertThat(got).extracting(m -> m.getJsonObject("body").getString("channelId")).containsOnly(body.getString("channelId"));
    assertThat(got.get(1).getJsonObject("body").getString("reason")).isNotEmpty();
    assertThat(got.get(2).getJsonObject("body").getString("reason")).isNotEmpty();
  }

  @Test
  void tagsAndGroupTopicsFilter() {
    String group = "G" + EventsNode.shortId();
    String gid = groupId();
    String otherGid = groupId();
    connectAndDisconnect(gid + "@@@dev1", otherGid + "@@@dev1", gid + "@@@dev2");
    List<JsonObject> got = messages(pull(events.api, gid + "_MQTT",
        "consumer_group=" + group + "&from=first&tags=connect%7C%7Ctcpclean"));
    assertThat(got).extracting(m -> m.getString("tag")).containsExactly("connect", "tcpclean", "connect", "tcpclean");
    assertThat(got).extracting(m -> m.getJsonObject("body").getString("clientId"))
        .containsExactly(gid + "@@@dev1", gid + "@@@dev1", gid + "@@@dev2", gid + "@@@dev2");
  }

  @Test
  void ackAdvancesTheCommittedOffsetAndCountsOnlyLiveHandles() {
    String group = "G" + EventsNode.shortId();
    String gid = groupId();
    String topic = gid + "_MQTT";
    assertThat(committed(events.api, topic, "consumer_group=" + group)).isEqualTo(-1);
    connectAndDisconnect(gid + "@@@dev1");
    List<JsonObject> got = messages(pull(events.api, topic, "consumer_group=" + group + "&from=first"));
    assertThat(got).hasSize(3);
    long last = got.get(2).getLong("offset");
    assertThat(ack(topic, group, null, handles(got)).getInteger("acked")).isEqualTo(3);
    assertThat(committed(events.api, topic, "consumer_group=" + group)).isGreaterThan(last);
    assertThat(ack(topic, group, null, handles(got)).getInteger("acked")).isZero();
    assertThat(ack(topic, group, null, List.of("no-such-handle")).getInteger("acked")).isZero();
    // acknowledged events are not delivered again, and a restarted consumer resumes after them
    assertThat(messages(pull(events.api, topic, "consumer_group=" + group + "&from=first"))).isEmpty();
  }

  @Test
  void unacknowledgedEventsComeBackAfterTheirInvisibleTime() {
    String group = "G" + EventsNode.shortId();
    String gid = groupId();
    String topic = gid + "_MQTT";
    connectAndDisconnect(gid + "@@@dev1");
    List<JsonObject> first = messages(pull(events.api, topic,
        "consumer_group=" + group + "&from=first&invisible_seconds=1"));
    assertThat(first).hasSize(3);
    assertThat(messages(pull(events.api, topic, "consumer_group=" + group))).isEmpty();
    List<JsonObject> again = new ArrayList<>();
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
      again.addAll(messages(pull(events.api, topic, "consumer_group=" + group + "&invisible_seconds=30")));
      return again.size() >= 3;
    });
    assertThat(again).extracting(m -> m.getLong("offset"))
        .containsExactlyElementsOf(first.stream().map(m -> m.getLong("offset")).toList());
    assertThat(again).extracting(m -> m.getInteger("delivery_count")).containsOnly(2);
    assertThat(ack(topic, group, null, handles(again)).getInteger("acked")).isEqualTo(3);
  }

  @Test
  void aLongPollAnswersAsSoonAsAClientConnects() throws Exception {
    String group = "G" + EventsNode.shortId();
    String gid = groupId();
    String topic = gid + "_MQTT";
    // the group's first pull fixes where "last" is
    assertThat(messages(pull(events.api, topic, "consumer_group=" + group))).isEmpty();
    long start = System.nanoTime();
    CompletableFuture<JsonObject> waiting = CompletableFuture.supplyAsync(
        () -> pull(events.api, topic, "consumer_group=" + group + "&tags=connect&wait_seconds=20"));
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
    Mqtt3BlockingClient device = events.mqtt3(gid + "@@@dev1");
    device.connect();
    try {
      List<JsonObject> got = messages(waiting.get(10, TimeUnit.SECONDS));
      assertThat(got).extracting(m -> m.getString("tag")).containsExactly("connect");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    } finally {
      device.disconnect();
    }
  }

  @Test
  void aLongPollWithNothingToDeliverAnswersEmptyWhenTheWaitIsOver() {
    String group = "G" + EventsNode.shortId();
    String topic = groupId() + "_MQTT";
    long start = System.nanoTime();
    assertThat(messages(pull(events.api, topic, "consumer_group=" + group + "&wait_seconds=1"))).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void clusteringSharesTheEventsAndBroadcastingGivesEachConsumerAll() {
    String group = "G" + EventsNode.shortId();
    String gid = groupId();
    String topic = gid + "_MQTT";
    connectAndDisconnect(gid + "@@@dev1", gid + "@@@dev2");
    String clustering = "consumer_group=C" + group + "&from=first";
    List<JsonObject> c1 = messages(pull(events.api, topic, clustering + "&consumer_id=c1&max=3"));
    List<JsonObject> c2 = messages(pull(events.api, topic, clustering + "&consumer_id=c2&max=32"));
    Set<Long> shared = new HashSet<>();
    c1.forEach(m -> shared.add(m.getLong("offset")));
    c2.forEach(m -> assertThat(shared.add(m.getLong("offset"))).as("delivered to both").isTrue());
    assertThat(c1).hasSize(3);
    assertThat(shared).hasSize(6);

    String broadcast = "mode=broadcasting&consumer_group=B" + group + "&from=first";
    List<JsonObject> b1 = messages(pull(events.api, topic, broadcast + "&consumer_id=b1"));
    List<JsonObject> b2 = messages(pull(events.api, topic, broadcast + "&consumer_id=b2"));
    assertThat(b1).hasSize(6);
    assertThat(b2).extracting(m -> m.getLong("offset"))
        .containsExactlyElementsOf(b1.stream().map(m -> m.getLong("offset")).toList());
    assertThat(ack(topic, "B" + group, "b1", handles(b1)).getInteger("acked")).isEqualTo(6);
    assertThat(committed(events.api, topic, "consumer_group=B" + group + "&consumer_id=b1"))
        .isGreaterThan(b1.get(5).getLong("offset"));
    assertThat(committed(events.api, topic, "consumer_group=B" + group + "&consumer_id=b2"))
        .isLessThanOrEqualTo(b1.get(0).getLong("offset"));
  }

  @Test
  void badParametersAreABadRequestAndChangeNothing() {
    String group = "G" + EventsNode.shortId();
    String gid = groupId();
    String topic = gid + "_MQTT";
    connectAndDisconnect(gid + "@@@dev1");
    String g = "consumer_group=" + group;
    for (String query : List.of(g + "&tags=online", g + "&max=0", g + "&max=1001", g + "&wait_seconds=31",
        g + "&invisible_seconds=0", g + "&invisible_seconds=43201", "from=first", g + "&mode=broadcasting",
        g + "&mode=fanout", g + "&from=middle", g + "&consumer_id=a%20b")) {
      EventsHttp.Answer answer = events.api.get(path(topic, "messages", query + "&from=first"));
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.json().getString("code")).isEqualTo("BAD_REQUEST");
    }
    EventsHttp.Answer unknownTopic = events.api.get(path("orders", "messages", "consumer_group=" + group));
    assertThat(unknownTopic.status()).isEqualTo(400);
    assertThat(unknownTopic.json().getString("message")).contains("topic");
    EventsHttp.Answer noHandles = events.api.post(path(topic, "ack", ""), new JsonObject().put("consumer_group", group));
    assertThat(noHandles.status()).isEqualTo(400);
    assertThat(noHandles.json().getString("code")).isEqualTo("BAD_REQUEST");
    assertThat(events.api.get(path(topic, "offsets", "")).status()).isEqualTo(400);
    // nothing was leased or committed: the group never pulled, and its first pull gets every event
    assertThat(committed(events.api, topic, "consumer_group=" + group)).isEqualTo(-1);
    assertThat(messages(pull(events.api, topic, "consumer_group=" + group + "&from=first"))).hasSize(3);
  }

  @Test
  void anotherTenantsKeySeesNoneOfTheseEvents() {
    String group = "G" + EventsNode.shortId();
    String gid = groupId();
    String topic = gid + "_MQTT";
    connectAndDisconnect(gid + "@@@dev1");
    assertThat(messages(pull(events.api, topic, "consumer_group=" + group + "&from=first"))).hasSize(3);
    // the other key's instance is its own: the same topic and group names there are another stream and group
    assertThat(messages(pull(events.otherTenant, topic, "consumer_group=" + group + "&from=first"))).isEmpty();
    assertThat(messages(pull(events.otherTenant, events.otherInstance, "consumer_group=" + group + "&from=first")))
        .isEmpty();
    // and naming the demo instance as the topic is not a way into it
    assertThat(events.otherTenant.get(path(events.demoInstance, "messages", "consumer_group=" + group)).status())
        .isEqualTo(400);
  }
}
