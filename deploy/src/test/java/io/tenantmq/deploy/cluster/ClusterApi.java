package io.tenantmq.deploy.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * A node's EMQX v5 API seen from outside with the demo instance's API key (from the node's
 * {@code demo-credentials.json}), as an EMQX back end calls it: plain JDK HTTP, Basic auth.
 */
record ClusterApi(String host, int port, String apiKey, String apiSecret) {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final ObjectMapper JSON = new ObjectMapper();

  /** The API of the node whose data directory is {@code dataDir}, on {@code host}. */
  static ClusterApi of(String host, Path dataDir) throws IOException {
    JsonNode ports = JSON.readTree(dataDir.resolve("ports.json").toFile());
    JsonNode emqx = JSON.readTree(dataDir.resolve("demo-credentials.json").toFile()).get("emqx");
    return new ClusterApi(host, ports.get("http").asInt(), emqx.get("apiKey").asText(), emqx.get("apiSecret").asText());
  }

  /** GET on the API; a status other than 200 fails with the body. */
  JsonNode get(String pathAndQuery) {
    return ok("GET", pathAndQuery, send("GET", pathAndQuery, null));
  }

  /** POST of a JSON body; a status other than 200 fails with the body. */
  JsonNode post(String path, String json) {
    return ok("POST", path, send("POST", path, json));
  }

  /** The status of a GET, whatever it is. */
  int status(String pathAndQuery) {
    return send("GET", pathAndQuery, null).statusCode();
  }

  private static JsonNode ok(String method, String path, HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " answered no JSON: " + response.body(), e);
    }
  }

  private HttpResponse<String> send(String method, String pathAndQuery, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + pathAndQuery))
        .timeout(Duration.ofSeconds(40))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8)))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + pathAndQuery + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** How many clients whose id contains {@code likeClientId} this node's API lists as connected. */
  int connectedCount(String likeClientId) {
    return get("/api/v5/clients?like_clientid=" + likeClientId + "&conn_state=connected&limit=1")
        .get("meta").get("count").asInt();
  }

  /** {@code GET /api/v5/clients/{id}}: the client as this node's API sees it. */
  JsonNode client(String clientId) {
    return get("/api/v5/clients/" + clientId);
  }
}
