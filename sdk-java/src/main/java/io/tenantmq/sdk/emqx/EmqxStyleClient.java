package io.tenantmq.sdk.emqx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Calls EMQX's REST API v5 with an API key and secret over HTTP Basic, so the same client talks to TenantMQ (which
 * scopes the key to one instance) or to EMQX. Thread-safe; share one per key.
 *
 * <p>Every call returns a future. It completes with the typed answer, or fails with an {@link EmqxApiException}
 * (the HTTP status and EMQX's {@code code} and {@code message}) when the API answered an error status, or with the
 * transport's {@link IOException} (a timeout is an {@link java.net.http.HttpTimeoutException}). Calls are grouped as
 * EMQX groups its API: {@link #clients()}, {@link #publish()}, {@link #subscriptions()}, {@link #topics()},
 * {@link #cluster()} (nodes, stats, metrics), {@link #banned()} and {@link #apiKeys()}.
 */
public final class EmqxStyleClient {

  private final EmqxClientOptions options;
  private final HttpClient http;
  private final String authorization;
  private final ClientsApi clients = new ClientsApi(this);
  private final PublishApi publish = new PublishApi(this);
  private final SubscriptionsApi subscriptions = new SubscriptionsApi(this);
  private final TopicsApi topics = new TopicsApi(this);
  private final ClusterApi cluster = new ClusterApi(this);
  private final BannedApi banned = new BannedApi(this);
  private final ApiKeysApi apiKeys = new ApiKeysApi(this);

  private EmqxStyleClient(EmqxClientOptions options, HttpClient http) {
    this.options = options.validated();
    this.http = http == null ? newHttpClient(this.options) : http;
    this.authorization = this.options.authorization();
  }

  /** @throws IllegalArgumentException when the endpoint, API key or secret is missing */
  public static EmqxStyleClient create(EmqxClientOptions options) {
    return new EmqxStyleClient(options, null);
  }

  /**
   * A client that sends through {@code http}, e.g. one connection pool shared by the clients of many keys; that
   * HttpClient's own connect timeout and proxy apply, not the options'.
   */
  public static EmqxStyleClient create(EmqxClientOptions options, HttpClient http) {
    return new EmqxStyleClient(options, Objects.requireNonNull(http, "http"));
  }

  /** An HttpClient as this client makes its own: HTTP/1.1, the options' connect timeout and proxy. */
  public static HttpClient newHttpClient(EmqxClientOptions options) {
    return options.newHttpClient();
  }

  /** {@code /clients}: list, look up, kick, subscribe and unsubscribe on behalf, keepalive, queued messages. */
  public ClientsApi clients() {
    return clients;
  }

  /** {@code /publish}. */
  public PublishApi publish() {
    return publish;
  }

  /** {@code /subscriptions}: every client's subscriptions. */
  public SubscriptionsApi subscriptions() {
    return subscriptions;
  }

  /** {@code /topics}: the routing table. */
  public TopicsApi topics() {
    return topics;
  }

  /** {@code /nodes}, {@code /stats}, {@code /metrics}. */
  public ClusterApi cluster() {
    return cluster;
  }

  /** {@code /banned}. */
  public BannedApi banned() {
    return banned;
  }

  /** {@code /api_key}. */
  public ApiKeysApi apiKeys() {
    return apiKeys;
  }

  public EmqxClientOptions options() {
    return new EmqxClientOptions(options);
  }

  /**
   * Calls any route of the API: {@code method} on {@code path} (under {@code /api/v5}, segments already encoded, with
   * its query) with {@code body} as JSON (none when null), and reads a 2xx answer into {@code type} (null for an empty
   * body, e.g. 204). For routes this client has no typed call for.
   */
  public <T> CompletableFuture<T> call(String method, String path, Object body, Class<T> type) {
    return call(method, path, body, EmqxJson.MAPPER.constructType(type));
  }

  <T> CompletableFuture<T> call(String method, String path, Object body, JavaType type) {
    return send(method, path, body).thenApply(response -> read(response, type));
  }

  /** Sends one request; the answer whatever its status. */
  CompletableFuture<HttpResponse<byte[]>> send(String method, String path, Object body) {
    HttpRequest.BodyPublisher publisher;
    try {
      publisher = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofByteArray(EmqxJson.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("body cannot be serialized: " + e, e));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.getBaseUri() + path))
        .timeout(options.getRequestTimeout())
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .method(method, publisher);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A 2xx answer as {@code type} (null when empty); an error status as an {@link EmqxApiException}. */
  static <T> T read(HttpResponse<byte[]> response, JavaType type) {
    if (response.statusCode() >= 300) {
      throw error(response.statusCode(), response.body());
    }
    return parse(response.statusCode(), response.body(), type);
  }

  static <T> T parse(int status, byte[] body, JavaType type) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return EmqxJson.MAPPER.readValue(body, type);
    } catch (IOException e) {
      throw new EmqxApiException(status, EmqxApiException.UNEXPECTED_RESPONSE,
          "the answer does not fit " + type.toCanonical() + ": " + e.getMessage(), null);
    }
  }

  /** EMQX's error body ({@code code}, or a publish's {@code reason_code}, and {@code message}) as an exception. */
  public static EmqxApiException error(int status, byte[] body) {
    JsonNode error;
    try {
      error = body == null || body.length == 0 ? null : EmqxJson.MAPPER.readTree(body);
    } catch (IOException e) {
      error = null;
    }
    if (error == null || !error.isObject()) {
      return new EmqxApiException(status, EmqxApiException.UNEXPECTED_RESPONSE,
          "HTTP " + status + (body == null ? "" : ": " + new String(body, StandardCharsets.UTF_8)), null);
    }
    String message = error.path("message").asText("");
    if (error.hasNonNull("code")) {
      return new EmqxApiException(status, error.get("code").asText(), message, null);
    }
    if (error.hasNonNull("reason_code")) {
      return new EmqxApiException(status, EmqxApiException.PUBLISH_ERROR, message, error.get("reason_code").asInt());
    }
    return new EmqxApiException(status, EmqxApiException.UNEXPECTED_RESPONSE, "HTTP " + status + ": " + error, null);
  }

  /** One path segment, percent-encoded (a client id may hold '/', '#', '+' or spaces). */
  static String segment(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a path segment must not be empty");
    }
    return QueryString.encode(value);
  }
}
