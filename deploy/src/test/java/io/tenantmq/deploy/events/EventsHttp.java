package io.tenantmq.deploy.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Plain JDK HTTP calls to {@code /api/v5/event-streams} with one EMQX API key, as a back end makes them. */
record EventsHttp(int port, String apiKey, String apiSecret) {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  record Answer(int status, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  Answer get(String pathAndQuery) {
    return send(request(pathAndQuery).GET().build());
  }

  Answer post(String path, JsonObject body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.encode(body))).build());
  }

  /** An SSE stream whose headers have arrived (status 200, text/event-stream); a thread collects its lines. */
  SseLines sse(String pathAndQuery, String lastEventId) throws Exception {
    HttpRequest.Builder request = request(pathAndQuery).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/event-stream"));
    return new SseLines(response.body());
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8)));
  }

  private static Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The lines of an open SSE stream, as they arrive. */
  static final class SseLines implements AutoCloseable {
    private final InputStream body;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    SseLines(InputStream body) {
      this.body = body;
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the test closed the stream
        }
      }, "sse-lines");
      reader.setDaemon(true);
      reader.start();
    }

    List<String> all() {
      return List.copyOf(lines);
    }

    /** The {@code data} of each event, parsed, in order. */
    List<JsonObject> events() {
      return lines.stream().filter(l -> l.startsWith("data: ")).map(l -> new JsonObject(l.substring(6))).toList();
    }

    /** The {@code id} of each event, in order. */
    List<Long> ids() {
      return lines.stream().filter(l -> l.startsWith("id: ")).map(l -> Long.parseLong(l.substring(4))).toList();
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
