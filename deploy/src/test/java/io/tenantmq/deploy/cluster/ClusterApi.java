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
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + pathAndQuery))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8)))
        .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + pathAndQuery + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code GET /api/v5/clients/{id}}: the client as this node's API sees it. */
  JsonNode client(String clientId) {
    return get("/api/v5/clients/" + clientId);
  }
}
