package io.tenantmq.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.ClientEventType;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.testing.EmbeddedMember;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SSE loop on a real Hazelcast event stream and a real Vert.x server, read by the JDK HttpClient: live events,
 * resuming after Last-Event-ID, keepalives (every 200 ms here), and a reader that goes away leaving no loop behind.
 */
class EventSseTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final AtomicInteger SEQ = new AtomicInteger();
  static EmbeddedMember member;
  static Vertx vertx;
  static HttpServer server;
  static EventSse sse;

  @BeforeAll
  static void start() throws Exception {
    member = new EmbeddedMember("sse-test");
    vertx = Vertx.vertx();
    sse = new EventSse(member.control.events(), Duration.ofMillis(200), Duration.ofSeconds(2));
    Router router = Router.router(vertx);
    router.get("/sse/:instance/:topic").handler(ctx -> {
      try {
        sse.serve(ctx, ctx.pathParam("instance"), EventStreamRoutes.query(ctx));
      } catch (EventParamException e) {
        ctx.response().setStatusCode(400).end(e.getMessage());
      }
    });
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    member.close();
  }

  @Test
  void liveEventsArriveAsIdEventAndDataWithKeepalivesBetween() throws Exception {
    String instance = instance();
    try (Lines lines = open(instance, instance + "?from=last", null)) {
      long offset = append(instance, "GID_a@@@d1", ClientEventType.CONNECT);
      await().atMost(Duration.ofSeconds(10)).until(() -> lines.all().contains("id: " + offset));
      List<String> all = lines.all();
      int at = all.indexOf("id: " + offset);
      assertThat(all.get(at + 1)).isEqualTo("event: connect");
      JsonObject body = new JsonObject(all.get(at + 2).substring("data: ".length()));
      assertThat(body.getString("clientId")).isEqualTo("GID_a@@@d1");
      assertThat(body.getString("eventType")).isEqualTo("connect");
      assertThat(body.getString("groupId")).isEqualTo("GID_a");
      assertThat(body.getLong("offset")).isEqualTo(offset);
      assertThat(all.get(at + 3)).isEmpty();
      await().atMost(Duration.ofSeconds(5)).until(() -> lines.all().contains(": keepalive"));
    }
  }

  @Test
  void lastEventIdResumesAfterThatOffsetAndWinsOverFrom() throws Exception {
    String instance = instance();
    long first = append(instance, "c1", ClientEventType.CONNECT);
    long second = append(instance, "c1", ClientEventType.DISCONNECT);
    long third = append(instance, "c1", ClientEventType.TCPCLEAN);
    try (Lines lines = open(instance, instance + "?from=last", String.valueOf(first))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> lines.ids().size() >= 2);
      // and nothing again after a few empty long polls
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> lines.ids().size() == 2);
      assertThat(lines.ids()).containsExactly(second, third);
    }
  }

  @Test
  void fromFirstWithATagFilterAndAGroupTopicSendsOnlyThose() throws Exception {
    String instance = instance();
    append(instance, "GID_a@@@d1", ClientEventType.CONNECT);
    long wanted = append(instance, "GID_a@@@d1", ClientEventType.TCPCLEAN);
    append(instance, "GID_b@@@d1", ClientEventType.TCPCLEAN);
    long later = append(instance, "GID_a@@@d2", ClientEventType.TCPCLEAN);
    try (Lines lines = open(instance, "GID_a_MQTT?from=first&tags=tcpclean", null)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> lines.ids().size() >= 2);
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> lines.ids().size() == 2);
      assertThat(lines.ids()).containsExactly(wanted, later);
      assertThat(lines.all()).filteredOn(l -> l.startsWith("event: ")).containsOnly("event: tcpclean");
    }
  }

  @Test
  void aReaderThatGoesAwayLeavesNoLoopRunning() throws Exception {
    String instance = instance();
    int before = sse.openStreams();
    Lines lines = open(instance, instance, null);
    await().atMost(Duration.ofSeconds(10)).until(() -> sse.openStreams() == before + 1);
    lines.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> sse.openStreams() == before);
    // the stream's last read may still be waiting; when it completes, nothing is written and no read follows
    append(instance, "c1", ClientEventType.CONNECT);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> sse.openStreams() == before);
  }

  @Test
  void badParametersAreRefusedBeforeAnythingIsStreamed() throws Exception {
    String instance = instance();
    assertThat(status(instance, instance + "?tags=online", null)).isEqualTo(400);
    assertThat(status(instance, "orders?from=first", null)).isEqualTo(400);
    assertThat(status(instance, instance + "?from=yesterday", null)).isEqualTo(400);
    assertThat(status(instance, instance + "?from=-3", null)).isEqualTo(400);
    assertThat(status(instance, instance, "abc")).isEqualTo(400);
    assertThat(sse.openStreams()).isZero();
  }

  static String instance() {
    return "sse-i" + SEQ.incrementAndGet();
  }

  static long append(String instance, String clientId, ClientEventType type) throws Exception {
    ClientEvent event = new ClientEvent(instance, clientId, System.currentTimeMillis(), type,
        "ch" + SEQ.incrementAndGet(), "127.0.0.1:4000", ClientRecord.groupIdOf(clientId), null, "node-1",
        type == ClientEventType.CONNECT ? "" : "normal", -1);
    return member.control.events().append(event).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static HttpRequest request(String instance, String topicAndQuery, String lastEventId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.actualPort() + "/sse/" + instance + "/" + topicAndQuery));
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return request.build();
  }

  static int status(String instance, String topicAndQuery, String lastEventId) throws Exception {
    return HTTP.send(request(instance, topicAndQuery, lastEventId), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** An open stream: its headers have arrived; a thread collects its lines. */
  static Lines open(String instance, String topicAndQuery, String lastEventId) throws Exception {
    HttpResponse<InputStream> response = HTTP.send(request(instance, topicAndQuery, lastEventId),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/event-stream"));
    return new Lines(response.body());
  }

  static final class Lines implements AutoCloseable {
    private final InputStream body;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    Lines(InputStream body) {
      this.body = body;
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line);
          }
        } catch (IOException e) {
          // closed by the test
        }
      }, "sse-lines");
      reader.setDaemon(true);
      reader.start();
    }

    List<String> all() {
      return List.copyOf(lines);
    }

    List<Long> ids() {
      return lines.stream().filter(l -> l.startsWith("id: ")).map(l -> Long.parseLong(l.substring(4))).toList();
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
