package io.tenantmq.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer's loop against a real HTTP server on a loopback port that answers the gateway's wire format from a
 * script: what each request carries, that only CONSUME_SUCCESS acks, that errors back off and retry, that shutdown
 * ends a waiting long poll at once. The whole path through the real gateway is in {@code it.EventConsumerIT}.
 */
class EventConsumerWireTest {

  record Request(String method, String uri, String authorization, String body) {
  }

  record Answer(int status, String body) {
  }

  static final String BODY = "{\"clientId\":\"dev\",\"time\":1,\"eventType\":\"%s\",\"channelId\":\"ch1\","
      + "\"clientIp\":\"127.0.0.1:1\",\"groupId\":null,\"username\":null,\"node\":\"n\",\"reason\":\"\",\"offset\":%d}";

  HttpServer server;
  final List<Request> requests = new CopyOnWriteArrayList<>();
  final BlockingQueue<Answer> pulls = new LinkedBlockingQueue<>();
  final CountDownLatch released = new CountDownLatch(1);
  final List<Throwable> errors = new CopyOnWriteArrayList<>();
  EventConsumer consumer;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
          exchange.getRequestHeaders().getFirst("Authorization"),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      if (exchange.getRequestMethod().equals("POST")) {
        answer(exchange, new Answer(200, "{\"acked\":2}"));
        return;
      }
      Answer next = pulls.poll();
      if (next == null) {
        // a long poll with nothing to deliver: held until the test ends
        try {
          released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        next = new Answer(200, "{\"messages\":[],\"committed_offset\":-1}");
      }
      answer(exchange, next);
    });
    server.start();
  }

  static void answer(HttpExchange exchange, Answer answer) throws IOException {
    byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), out.length);
    exchange.getResponseBody().write(out);
    exchange.close();
  }

  @AfterEach
  void stop() {
    if (consumer != null) {
      consumer.shutdown(Duration.ofSeconds(5));
    }
    released.countDown();
    server.stop(0);
  }

  static String message(long offset, String tag, String handle, int deliveryCount) {
    return "{\"offset\":" + offset + ",\"tag\":\"" + tag + "\",\"receipt_handle\":\"" + handle
        + "\",\"delivery_count\":" + deliveryCount + ",\"body\":" + BODY.formatted(tag, offset) + "}";
  }

  static String batch(int deliveryCount) {
    return "{\"messages\":[" + message(7, "connect", "h7", deliveryCount) + "," + message(8, "tcpclean", "h8",
        deliveryCount) + "],\"committed_offset\":6}";
  }

  EventConsumer.Builder builder() {
    return EventConsumer.builder().endpoint("http://127.0.0.1:" + server.getAddress().getPort())
        .apiKey("key1").apiSecret("secret1").consumerGroup("presence group").subscribe("GID_a_MQTT", "connect||tcpclean")
        .consumerId("c-1").batchSize(100).longPollSeconds(20).invisibleSeconds(5).onError(errors::add);
  }

  @Test
  void aPullCarriesTheKeyTheGroupAndEveryOptionAsTheGatewayReadsThem() {
    List<List<ClientStatusEvent>> batches = new CopyOnWriteArrayList<>();
    pulls.add(new Answer(200, batch(1)));
    consumer = builder().consumeFrom(ConsumeFrom.FIRST).build();
    consumer.registerListener(events -> {
      batches.add(events);
      return ConsumeStatus.CONSUME_SUCCESS;
    }).start();
    await().atMost(Duration.ofSeconds(10)).until(() -> requests.stream().anyMatch(r -> r.method().equals("POST")));
    Request pull = requests.get(0);
    assertThat(pull.method()).isEqualTo("GET");
    assertThat(pull.uri()).isEqualTo("/api/v5/event-streams/GID_a_MQTT/messages?consumer_group=presence%20group"
        + "&tags=connect%7C%7Ctcpclean&max=100&wait_seconds=20&mode=clustering&from=first&invisible_seconds=5"
        + "&consumer_id=c-1");
    assertThat(pull.authorization()).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("key1:secret1".getBytes(StandardCharsets.UTF_8)));
    assertThat(batches).hasSize(1);
    assertThat(batches.get(0)).extracting(ClientStatusEvent::eventType)
        .containsExactly(EventType.CONNECT, EventType.TCPCLEAN);
    assertThat(batches.get(0)).extracting(ClientStatusEvent::offset).containsExactly(7L, 8L);
    Request ack = requests.stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
    assertThat(ack.uri()).isEqualTo("/api/v5/event-streams/GID_a_MQTT/ack");
    // clustering: the group owns the offsets, so no consumer id
    assertThat(ack.body()).isEqualTo("{\"consumer_group\":\"presence group\",\"receipt_handles\":[\"h7\",\"h8\"]}");
  }

  @Test
  void reconsumeLaterAcksNothingAndTheRedeliveredBatchIsAckedOnSuccess() {
    pulls.add(new Answer(200, batch(1)));
    pulls.add(new Answer(200, batch(2)));
    List<Integer> calls = new CopyOnWriteArrayList<>();
    consumer = builder().build();
    consumer.registerListener(events -> {
      calls.add(events.size());
      return calls.size() == 1 ? ConsumeStatus.RECONSUME_LATER : ConsumeStatus.CONSUME_SUCCESS;
    }).start();
    await().atMost(Duration.ofSeconds(10)).until(() -> requests.stream().anyMatch(r -> r.method().equals("POST")));
    assertThat(calls).containsExactly(2, 2);
    // GET (refused by the listener), GET (acked), POST ack, GET (waiting)
    assertThat(requests).extracting(Request::method).startsWith("GET", "GET", "POST");
    assertThat(requests.stream().filter(r -> r.method().equals("POST")).count()).isEqualTo(1);
  }

  @Test
  void aListenerThatThrowsIsReportedAndItsBatchIsNotAcked() {
    pulls.add(new Answer(200, batch(1)));
    consumer = builder().build();
    consumer.registerListener(events -> {
      throw new IllegalStateException("database down");
    }).start();
    await().atMost(Duration.ofSeconds(10)).until(() -> !errors.isEmpty());
    assertThat(errors.get(0)).hasMessage("database down");
    await().atMost(Duration.ofSeconds(10)).until(() -> requests.size() >= 2);
    assertThat(requests).extracting(Request::method).doesNotContain("POST");
  }

  @Test
  void httpErrorsAreReportedAndRetriedWithBackoffUntilThePullSucceeds() {
    pulls.add(new Answer(500, "{\"code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}"));
    pulls.add(new Answer(401, "{\"code\":\"BAD_API_KEY_OR_SECRET\",\"message\":\"bad key\"}"));
    pulls.add(new Answer(200, "not json"));
    pulls.add(new Answer(200, batch(1)));
    List<ClientStatusEvent> seen = new CopyOnWriteArrayList<>();
    consumer = builder().build();
    consumer.registerListener(events -> {
      seen.addAll(events);
      return ConsumeStatus.CONSUME_SUCCESS;
    }).start();
    await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);
    assertThat(errors).hasSize(3);
    assertThat(errors.get(0)).hasMessage("boom");
    assertThat(errors.get(1)).hasMessage("bad key");
    assertThat(errors).allSatisfy(e -> assertThat(e.toString()).doesNotContain("secret1"));
  }

  @Test
  void shutdownEndsAWaitingLongPollPromptly() {
    consumer = builder().build();
    consumer.registerListener(events -> ConsumeStatus.CONSUME_SUCCESS).start();
    await().atMost(Duration.ofSeconds(10)).until(() -> requests.size() == 1);
    long start = System.nanoTime();
    assertThat(consumer.shutdown(Duration.ofSeconds(5))).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(consumer.isRunning()).isFalse();
    assertThat(errors).isEmpty();
  }

  @Test
  void broadcastingNeedsAConsumerIdAndAcksWithIt() {
    assertThatThrownBy(() -> EventConsumer.builder().endpoint("http://127.0.0.1:1").apiKey("k").apiSecret("s")
        .consumerGroup("g").subscribe("t", "*").mode(ConsumeMode.BROADCASTING).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("consumerId");
    pulls.add(new Answer(200, batch(1)));
    consumer = builder().mode(ConsumeMode.BROADCASTING).build();
    consumer.registerListener(events -> ConsumeStatus.CONSUME_SUCCESS).start();
    await().atMost(Duration.ofSeconds(10)).until(() -> requests.stream().anyMatch(r -> r.method().equals("POST")));
    assertThat(requests.get(0).uri()).contains("mode=broadcasting");
    assertThat(requests.stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow().body())
        .isEqualTo("{\"consumer_group\":\"presence group\",\"consumer_id\":\"c-1\",\"receipt_handles\":[\"h7\",\"h8\"]}");
  }

  @Test
  void badOptionsAreRefusedWhenBuilt() {
    assertThatThrownBy(() -> builder().batchSize(0).build()).hasMessageContaining("maxEvents must be 1..1000");
    assertThatThrownBy(() -> builder().longPollSeconds(31).build()).hasMessageContaining("waitSeconds");
    assertThatThrownBy(() -> builder().invisibleSeconds(0).build()).hasMessageContaining("invisibleSeconds");
    assertThatThrownBy(() -> EventConsumer.builder().consumerGroup("g").subscribe("t", "*").build())
        .hasMessageContaining("endpoint");
    EventConsumer unstarted = builder().build();
    assertThatThrownBy(unstarted::start).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("registerListener");
  }
}
