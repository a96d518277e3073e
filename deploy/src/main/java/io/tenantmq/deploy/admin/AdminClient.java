package io.tenantmq.deploy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A blocking client of the admin HTTP API ({@code /admin/v1}) on the JDK's HttpClient, for the launcher's
 * subcommands. Every call sends the operator token; a refusal comes back as {@link AdminCallException} with the
 * server's code and message.
 */
final class AdminClient {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  /** @param baseUrl the node's HTTP address, e.g. {@code http://127.0.0.1:8080} */
  AdminClient(String baseUrl, String token) {
    this.base = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/admin/v1";
    this.token = token;
  }

  JsonNode get(String path) throws IOException, InterruptedException, AdminCallException {
    return send("GET", path, null);
  }

  JsonNode post(String path, JsonNode body) throws IOException, InterruptedException, AdminCallException {
    return send("POST", path, body);
  }

  /** Null on success: deletes answer 204. */
  JsonNode delete(String path) throws IOException, InterruptedException, AdminCallException {
    return send("DELETE", path, null);
  }

  static ObjectMapper json() {
    return JSON;
  }

  /** One path segment, percent-encoded (ids are validated by the server; this only keeps the URL well formed). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode send(String method, String path, JsonNode body)
      throws IOException, InterruptedException, AdminCallException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode answer = response.body().isEmpty() ? null : parse(response.body());
    if (response.statusCode() >= 400) {
      JsonNode error = answer == null ? null : answer.path("error");
      String code = error == null ? "HTTP_" + response.statusCode() : error.path("code").asText("HTTP_" + response.statusCode());
      String message = error == null ? "HTTP " + response.statusCode() : error.path("message").asText(response.body());
      throw new AdminCallException(response.statusCode(), code, message);
    }
    return answer;
  }

  private static JsonNode parse(String body) throws IOException {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IOException("the server did not answer JSON: is this a TenantMQ node?", e);
    }
  }
}
