package io.tenantmq.deploy.emqx;

import io.vertx.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Plain JDK HTTP calls to the EMQX API with one API key over Basic auth, as an EMQX back end makes them. */
record EmqxHttp(int port, String apiKey, String apiSecret) {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The status and body of one call; {@link #json()} parses the body. */
  record Answer(int status, String body, HttpResponse<String> response) {
    Object json() {
      return body.isEmpty() ? null : Json.decodeValue(body);
    }

    io.vertx.core.json.JsonObject object() {
      return (io.vertx.core.json.JsonObject) json();
    }

    io.vertx.core.json.JsonArray array() {
      return (io.vertx.core.json.JsonArray) json();
    }
  }

  Answer get(String pathAndQuery) {
    return send("GET", pathAndQuery, null);
  }

  Answer delete(String path) {
    return send("DELETE", path, null);
  }

  Answer post(String path, Object body) {
    return send("POST", path, Json.encode(body));
  }

  Answer put(String path, Object body) {
    return send("PUT", path, Json.encode(body));
  }

  Answer send(String method, String pathAndQuery, String body) {
    return send(method, pathAndQuery, body, "Basic " + Base64.getEncoder().encodeToString(
        (apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8)));
  }

  /** With an Authorization header of the caller's choosing (null: none). */
  Answer send(String method, String pathAndQuery, String body, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
