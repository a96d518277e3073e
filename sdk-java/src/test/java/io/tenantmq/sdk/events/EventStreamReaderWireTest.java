package io.tenantmq.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SSE reader against a real HTTP server on a loopback port that streams the gateway's event format: events are
 * parsed across keepalive comments, and a dropped connection is resumed with {@code Last-Event-ID}.
 */
class EventStreamReaderWireTest {

  HttpServer server;
  final List<String> uris = new CopyOnWriteArrayList<>();
  final List<String> lastEventIds = new CopyOnWriteArrayList<>();
  final CountDownLatch released = new CountDownLatch(1);

  static String sse(long offset, String type) {
    return "id: " + offset + "\nevent: " + type + "\ndata: " + EventConsumerWireTest.BODY.formatted(type, offset)
        + "\n\n";
  }

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      uris.add(exchange.getRequestURI().toString());
      lastEventIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      if (uris.size() == 1) {
        // two events around a keepalive, then the connection drops
        out.write((sse(7, "connect") + ": keepalive\n\n" + sse(8, "tcpclean")).getBytes(StandardCharsets.UTF_8));
        exchange.close();
        return;
      }
      out.write(sse(9, "connect").getBytes(StandardCharsets.UTF_8));
      out.flush();
      try {
        released.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    released.countDown();
    server.stop(0);
  }

  @Test
  void aDroppedStreamIsResumedAfterTheLastEventItDelivered() {
    List<ClientStatusEvent> seen = new CopyOnWriteArrayList<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    EventStreamReader reader = EventStreamReader.builder()
        .endpoint("http://127.0.0.1:" + server.getAddress().getPort()).apiKey("k").apiSecret("s")
        .subscribe("mqtt-1", "connect||tcpclean").from(ConsumeFrom.FIRST).onError(errors::add).build()
        .start(seen::add);
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 3);
      assertThat(seen).extracting(ClientStatusEvent::offset).containsExactly(7L, 8L, 9L);
      assertThat(seen).extracting(ClientStatusEvent::eventType)
          .containsExactly(EventType.CONNECT, EventType.TCPCLEAN, EventType.CONNECT);
      assertThat(reader.lastEventId()).isEqualTo(9);
      assertThat(uris.get(0)).isEqualTo("/api/v5/event-streams/mqtt-1/sse?tags=connect%7C%7Ctcpclean&from=first");
      assertThat(lastEventIds).containsExactly("null", "8");
      assertThat(errors).isEmpty();
    } finally {
      // the open stream is closed under the reader's blocked read
      long start = System.nanoTime();
      reader.close();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }
}
