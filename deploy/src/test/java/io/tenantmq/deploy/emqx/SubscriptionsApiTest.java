package io.tenantmq.deploy.emqx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
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
 * {@code GET /api/v5/subscriptions} and {@code /topics[/{topic}]} after real SUBSCRIBEs of an MQTT 5 and an MQTT
 * 3.1.1 client of the demo instance (one of them shared), with every filter, paging, errors and tenant isolation.
 */
class SubscriptionsApiTest {

  @TempDir
  static Path dataDir;
  static EmqxNode emqx;
  static final String RUN = EmqxNode.shortId();
  static final String NODE = "node-emqx-it";
  static final String A = "sub/" + RUN + "/a";
  static final String PLUS = "sub/" + RUN + "/+";
  static final String SHARED = "$share/g" + RUN + "/sub/" + RUN + "/b";
  static final String V5 = "five-" + RUN;
  static final String V3 = "three-" + RUN;
  static Mqtt5BlockingClient five;
  static Mqtt3BlockingClient three;

  @BeforeAll
  static void start() throws Exception {
    emqx = new EmqxNode(dataDir);
    five = emqx.mqtt5(V5);
    five.connect();
    five.subscribeWith().topicFilter(A).qos(MqttQos.AT_LEAST_ONCE).send();
    five.subscribeWith().topicFilter(PLUS).qos(MqttQos.AT_MOST_ONCE).send();
    three = emqx.mqtt3(V3);
    three.connect();
    three.subscribeWith().topicFilter(A).qos(MqttQos.EXACTLY_ONCE).send();
    three.subscribeWith().topicFilter(SHARED).qos(MqttQos.AT_LEAST_ONCE).send();
    await().atMost(Duration.ofSeconds(10)).until(() -> topics(list("match_topic=" + enc("sub/" + RUN + "/#")))
        .size() == 4);
  }

  @AfterAll
  static void stop() throws Exception {
    five.disconnect();
    three.disconnect();
    emqx.close();
  }

  static JsonObject list(String query) {
    EmqxHttp.Answer answer = emqx.api.get("/api/v5/subscriptions?" + query);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.object();
  }

  /** "clientid topic" of each item. */
  static List<String> topics(JsonObject page) {
    return page.getJsonArray("data").stream().map(o -> (JsonObject) o)
        .map(s -> s.getString("clientid") + " " + s.getString("topic")).toList();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonObject subscription(String clientId, String topic, int qos) {
    return new JsonObject().put("node", NODE).put("topic", topic).put("clientid", clientId).put("qos", qos)
        .put("nl", 0).put("rap", 0).put("rh", 0).put("durable", false);
  }

  @Test
  void aClientsSubscriptionsAreListedInEmqxsShape() {
    JsonObject page = list("clientid=" + V5);
    assertThat(page.getJsonArray("data")).containsExactly(subscription(V5, PLUS, 0), subscription(V5, A, 1));
    assertThat(page.getJsonObject("meta")).isEqualTo(new JsonObject().put("page", 1).put("limit", 100).put("count", 2)
        .put("hasnext", false));
    assertThat(list("clientid=" + V3).getJsonArray("data")).containsExactly(subscription(V3, SHARED, 1),
        subscription(V3, A, 2));
    assertThat(list("clientid=nobody-" + RUN).getJsonArray("data")).isEmpty();
  }

  @Test
  void filtersNarrowTheList() {
    String mine = "match_topic=" + enc("sub/" + RUN + "/#");
    // client id order, then the client's filters in order ("+" sorts before letters)
    assertThat(topics(list(mine))).containsExactly(V5 + " " + PLUS, V5 + " " + A, V3 + " " + SHARED, V3 + " " + A);
    assertThat(topics(list(mine + "&qos=1"))).containsExactly(V5 + " " + A, V3 + " " + SHARED);
    assertThat(topics(list("topic=" + enc(A)))).containsExactly(V5 + " " + A, V3 + " " + A);
    assertThat(topics(list("share_group=g" + RUN))).containsExactly(V3 + " " + SHARED);
    assertThat(topics(list("share_group=g" + RUN + "&topic=" + enc("sub/" + RUN + "/b"))))
        .containsExactly(V3 + " " + SHARED);
    assertThat(topics(list("share_group=other&topic=" + enc("sub/" + RUN + "/b")))).isEmpty();
    // match_topic takes the subscribed filter's levels literally: "+" is matched by "+" or "#", not by "a"
    assertThat(topics(list("match_topic=" + enc(A)))).containsExactly(V5 + " " + A, V3 + " " + A);
    assertThat(topics(list("match_topic=" + enc("sub/" + RUN + "/+")))).hasSize(4);
    assertThat(topics(list("match_topic=" + enc("+/" + RUN + "/b")))).containsExactly(V3 + " " + SHARED);
    assertThat(topics(list(mine + "&node=" + NODE))).hasSize(4);
    assertThat(topics(list(mine + "&node=elsewhere@127.0.0.1"))).isEmpty();
    assertThat(topics(list(mine + "&clientid=" + V5 + "&qos=0"))).containsExactly(V5 + " " + PLUS);
    assertThat(topics(list(mine + "&durable=false"))).hasSize(4);
    assertThat(topics(list(mine + "&durable=true"))).isEmpty();
  }

  @Test
  void pagesWalkTheListInClientAndTopicOrder() {
    String mine = "match_topic=" + enc("sub/" + RUN + "/#");
    List<String> walked = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      JsonObject p = list(mine + "&limit=2&page=" + page);
      walked.addAll(topics(p));
      assertThat(p.getJsonObject("meta").getInteger("count")).isEqualTo(4);
      assertThat(p.getJsonObject("meta").getBoolean("hasnext")).isEqualTo(page < 2);
    }
    assertThat(walked).containsExactly(V5 + " " + PLUS, V5 + " " + A, V3 + " " + SHARED, V3 + " " + A);
    assertThat(topics(list(mine + "&_limit=3&_page=2"))).containsExactly(V3 + " " + A);
  }

  @Test
  void badParametersAre400() {
    for (String bad : List.of("a/#/b", "a/b+", "$share/g/a", "")) {
      EmqxHttp.Answer answer = emqx.api.get("/api/v5/subscriptions?match_topic=" + enc(bad));
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.object()).as(bad).isEqualTo(new JsonObject().put("code", "INVALID_PARAMETER")
          .put("message", "match_topic_invalid"));
    }
    for (String query : List.of("qos=3", "qos=x", "limit=0", "limit=10001", "page=0", "durable=perhaps")) {
      EmqxHttp.Answer answer = emqx.api.get("/api/v5/subscriptions?" + query);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.object().getString("code")).as(query).isEqualTo("BAD_REQUEST");
    }
  }

  @Test
  void topicsAreTheRoutedFiltersPerNode() {
    JsonObject page = emqx.api.get("/api/v5/topics?limit=100").object();
    JsonArray data = page.getJsonArray("data");
    assertThat(data).contains(new JsonObject().put("topic", A).put("node", NODE),
        new JsonObject().put("topic", PLUS).put("node", NODE), new JsonObject().put("topic", SHARED).put("node", NODE));
    // two sessions subscribe to A on one node: one route
    assertThat(data.stream().filter(o -> ((JsonObject) o).getString("topic").equals(A))).hasSize(1);
    assertThat(page.getJsonObject("meta").getInteger("count")).isEqualTo(data.size());

    JsonObject one = emqx.api.get("/api/v5/topics?topic=" + enc(A)).object();
    assertThat(one.getJsonArray("data")).containsExactly(new JsonObject().put("topic", A).put("node", NODE));
    assertThat(one.getJsonObject("meta")).isEqualTo(new JsonObject().put("page", 1).put("limit", 100).put("count", 1)
        .put("hasnext", false));
    assertThat(emqx.api.get("/api/v5/topics?topic=" + enc(SHARED)).object().getJsonArray("data")).hasSize(1);
    assertThat(emqx.api.get("/api/v5/topics?topic=" + enc(A) + "&node=" + NODE).object().getJsonArray("data"))
        .hasSize(1);
    assertThat(emqx.api.get("/api/v5/topics?topic=" + enc(A) + "&node=elsewhere").object().getJsonArray("data"))
        .isEmpty();
    JsonObject paged = emqx.api.get("/api/v5/topics?limit=1&page=1").object();
    assertThat(paged.getJsonArray("data")).hasSize(1);
    assertThat(paged.getJsonObject("meta").getBoolean("hasnext")).isTrue();
  }

  @Test
  void oneTopicIsLookedUpByItsUrlEncodedName() {
    EmqxHttp.Answer a = emqx.api.get("/api/v5/topics/" + enc(A));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.array()).containsExactly(new JsonObject().put("topic", A).put("node", NODE));
    EmqxHttp.Answer plus = emqx.api.get("/api/v5/topics/" + enc(PLUS).replace("+", "%2B"));
    assertThat(plus.array()).containsExactly(new JsonObject().put("topic", PLUS).put("node", NODE));
    // the topic of a shared subscription finds its route, as EMQX's lookup does
    EmqxHttp.Answer b = emqx.api.get("/api/v5/topics/" + enc("sub/" + RUN + "/b"));
    assertThat(b.array()).containsExactly(new JsonObject().put("topic", SHARED).put("node", NODE));
    EmqxHttp.Answer none = emqx.api.get("/api/v5/topics/" + enc("sub/" + RUN + "/zzz"));
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.object()).isEqualTo(new JsonObject().put("code", "TOPIC_NOT_FOUND")
        .put("message", "Topic not found"));
  }

  @Test
  void badTopicFilterIs400AsEmqxSpellsIt() {
    EmqxHttp.Answer answer = emqx.api.get("/api/v5/topics?topic=" + enc("a/#/b"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.object()).isEqualTo(new JsonObject().put("code", "INVALID_PARAMTER")
        .put("message", "topic_filter_invalid"));
  }

  @Test
  void anUnsubscribeLeavesTheListsAndTheLastSubscriberTakesTheRoute() {
    String id = "leaving-" + RUN;
    String filter = "leave/" + RUN;
    Mqtt5BlockingClient client = emqx.mqtt5(id);
    client.connect();
    try {
      client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
      await().atMost(Duration.ofSeconds(10)).until(() -> emqx.api.get("/api/v5/topics/" + enc(filter)).status() == 200);
      assertThat(topics(list("clientid=" + id))).containsExactly(id + " " + filter);
      client.unsubscribeWith().topicFilter(filter).send();
      await().atMost(Duration.ofSeconds(10)).until(() -> emqx.api.get("/api/v5/topics/" + enc(filter)).status() == 404);
      assertThat(list("clientid=" + id).getJsonArray("data")).isEmpty();
    } finally {
      client.disconnect();
    }
  }

  @Test
  void anotherTenantsKeySeesNoneOfTheseSubscriptionsOrTopics() {
    EmqxHttp.Answer subs = emqx.otherTenant.get("/api/v5/subscriptions?match_topic=" + enc("sub/" + RUN + "/#"));
    assertThat(subs.status()).isEqualTo(200);
    assertThat(subs.object().getJsonArray("data")).isEmpty();
    assertThat(subs.object().getJsonObject("meta").getInteger("count")).isZero();
    assertThat(emqx.otherTenant.get("/api/v5/subscriptions?clientid=" + V5).object().getJsonArray("data")).isEmpty();
    assertThat(emqx.otherTenant.get("/api/v5/topics").object().getJsonArray("data")).isEmpty();
    assertThat(emqx.otherTenant.get("/api/v5/topics/" + enc(A)).status()).isEqualTo(404);
  }
}
