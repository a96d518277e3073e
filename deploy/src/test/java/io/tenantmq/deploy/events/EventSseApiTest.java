package io.tenantmq.deploy.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v5/event-streams/{topic}/sse} of a whole node, read with the JDK HttpClient and an EMQX API key while
 * real HiveMQ clients connect and disconnect: live events, resuming with {@code Last-Event-ID}, tag and Group ID
 * filters, refusals in EMQX's envelope, and no event of one tenant in another's stream.
 */
class EventSseApiTest {

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

  /** A Group ID no other test uses, so its {@code <GID>_MQTT} topic carries only this test's clients. */
  static String groupId() {
    return "GID_s" + EventsNode.shortId();
  }

  static String ssePath(String topic, String query) {
    return "/api/v5/event-streams/" + topic + "/sse" + (query.isEmpty() ? "" : "?" + query);
  }

  /** Connects and cleanly disconnects {@code clientId}, and waits until its connect, disconnect and tcpclean are stored. */
  static void connectAndDisconnect(String clientId) {
    Mqtt3BlockingClient device = events.mqtt3(clientId);
    device.connect();
    device.disconnect();
    await().atMost(Duration.ofSeconds(10)).until(() -> EventsNode.join(events.control.events()
        .history(events.demoInstance, clientId, 0, Long.MAX_VALUE)).size() == 3);
  }

  @Test
  void liveEventsOfAConnectingAndDisconnectingClientArriveInOrderWithTheirBody() throws Exception {
    String group = groupId();
    String clientId = group + "@@@dev1";
    try (EventsHttp.SseLines lines = events.api.sse(ssePath(group + "_MQTT", ""), null)) {
      long before = System.currentTimeMillis();
      connectAndDisconnect(clientId);
      await().atMost(Duration.ofSeconds(10)).until(() -> lines.events().size() >= 3);
      List<JsonObject> got = lines.events();
      assertThat(got).extracting(e -> e.getString("eventType")).containsExactly("connect", "disconnect", "tcpclean");
      JsonObject connect = got.get(0);
      assertThat(connect.getString("clientId")).isEqualTo(clientId);
      assertThat(connect.getString("groupId")).isEqualTo(group);
      assertThat(connect.getString("channelId")).matches("[0-9a-f]{32}");
      assertThat(connect.getString("clientIp")).startsWith("127.0.0.1:");
      assertThat(connect.getString("node")).isEqualTo(EventsNode.NODE_NAME);
      assertThat(connect.getString("reason")).isEmpty();
      assertThat(connect.containsKey("username")).isTrue();
      assertThat(connect.getLong("time")).isBetween(before, System.currentTimeMillis());
      assertThat(got).extracting(e -> e.getString("channelId")).containsOnly(connect.getString("channelId"));
      assertThat(got.get(2).getString("reason")).isNotEmpty();
      assertThat(lines.ids()).isEqualTo(got.stream().map(e -> e.getLong("offset")).toList());
      assertThat(lines.all()).filteredOn(l -> l.startsWith("event: "))
          .containsExactly("event: connect", "event: disconnect", "event: tcpclean");
    }
  }

  @Test
  void lastEventIdResumesAfterThatEventAndTagsFilter() throws Exception {
    String group = groupId();
    connectAndDisconnect(group + "@@@dev1");
    connectAndDisconnect(group + "@@@dev2");
    List<Long> all;
    try (EventsHttp.SseLines lines = events.api.sse(ssePath(group + "_MQTT", "from=first"), null)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> lines.events().size() >= 6);
      all = lines.ids();
    }
    assertThat(all).hasSize(6).isSorted();
    try (EventsHttp.SseLines lines = events.api.sse(ssePath(group + "_MQTT", "from=first"), String.valueOf(all.get(2)))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> lines.ids().size() >= 3);
      assertThat(lines.ids()).containsExactlyElementsOf(all.subList(3, 6));
    }
    try (EventsHttp.SseLines lines = events.api.sse(ssePath(group + "_MQTT", "from=first&tags=connect%7C%7Ctcpclean"),
        null)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> lines.ids().size() >= 4);
      assertThat(lines.events()).extracting(e -> e.getString("eventType"))
          .containsExactly("connect", "tcpclean", "connect", "tcpclean");
    }
  }

  @Test
  void theInstanceTopicCarriesEveryClientAndAnotherTenantsStreamNone() throws Exception {
    String group = groupId();
    String plainClient = "plain-" + EventsNode.shortId();
    try (EventsHttp.SseLines mine = events.api.sse(ssePath(events.demoInstance, ""), null);
         EventsHttp.SseLines theirs = events.otherTenant.sse(ssePath(events.otherInstance, ""), null);
         EventsHttp.SseLines theirGroup = events.otherTenant.sse(ssePath(group + "_MQTT", ""), null)) {
      connectAndDisconnect(group + "@@@dev1");
      connectAndDisconnect(plainClient);
      await().atMost(Duration.ofSeconds(10)).until(() -> mine.events().stream()
          .anyMatch(e -> e.getString("clientId").equals(plainClient) && e.getString("eventType").equals("tcpclean")));
      assertThat(mine.events()).extracting(e -> e.getString("clientId")).contains(group + "@@@dev1", plainClient);
      await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
          .until(() -> theirs.events().isEmpty() && theirGroup.events().isEmpty());
    }
  }

  @Test
  void badParametersAreABadRequestInEmqxsEnvelope() {
    for (String pathAndQuery : List.of(ssePath(events.demoInstance, "tags=online"), ssePath("orders", ""),
        ssePath(events.demoInstance, "from=yesterday"), ssePath("GID_x_MQTT", "from=-1"))) {
      EventsHttp.Answer answer = events.api.get(pathAndQuery);
      assertThat(answer.status()).as(pathAndQuery).isEqualTo(400);
      assertThat(answer.json().getString("code")).isEqualTo("BAD_REQUEST");
      assertThat(answer.json().getString("message")).isNotBlank();
    }
  }

  @Test
  void withoutAValidApiKeyNothingIsStreamed() {
    EventsHttp wrong = new EventsHttp(events.httpPort, events.api.apiKey(), "not-the-secret");
    EventsHttp.Answer answer = wrong.get(ssePath(events.demoInstance, ""));
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().getString("code")).isEqualTo("BAD_API_KEY_OR_SECRET");
  }
}
