package io.tenantmq.sdk.tencent;

import com.sun.net.httpserver.HttpServer;
import io.tenantmq.signing.tencent.Tc3Request;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on a loopback port 0 that records the last request as received and answers what the test set.
 * It also serves as an HTTP proxy: an absolute-URI request line arrives here like any other.
 */
final class CaptureServer implements AutoCloseable {

  /** One request as it arrived: the request line's URI, headers (first value each) and body bytes. */
  record Captured(String method, String uri, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
          .findFirst().orElse(null);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Tc3Request toTc3Request() {
      return new Tc3Request(method, null, headers, body, Long.parseLong(header("X-TC-Timestamp")));
    }
  }

  private record Answer(int status, String body) {
  }

  private final HttpServer server;
  private final AtomicReference<Captured> last = new AtomicReference<>();
  private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, "{}"));

  CaptureServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
      last.set(new Captured(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
          exchange.getRequestBody().readAllBytes()));
      Answer a = answer.get();
      byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
      exchange.sendResponseHeaders(a.status(), out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void answer(int status, String body) {
    answer.set(new Answer(status, body));
  }

  Captured last() {
    return last.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
