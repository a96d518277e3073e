package io.tenantmq.sdk.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantmq.signing.aliyun.AliyunRpcSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Calls the HTTP APIs of Alibaba Cloud's MQTT service with an AccessKey, signed as Alibaba Cloud signs them, so the
 * same client talks to TenantMQ or to Alibaba Cloud: {@link #routeClientIdGet} (is a client online),
 * {@link #tokenServer()} (tokens for Token-mode devices) and {@link #onsMqtt()} (the OnsMqtt OpenAPI). Thread-safe;
 * share one per AccessKey.
 *
 * <p>Every call returns a future. It completes with the typed answer, or fails with an {@link AliyunApiException}
 * (HTTP status, the server's code and message) when the server answered an error, or with the transport's
 * {@link IOException} (a timeout is an {@link java.net.http.HttpTimeoutException}). Bad arguments throw
 * {@link IllegalArgumentException} before anything is sent. Neither the secret nor a token is ever logged.
 */
public final class AliyunStyleClient {

  /** ISO 8601 in UTC to the second, as the SDK writes {@code Timestamp}: {@code 2026-12-02T03:04:05Z}. */
  static final DateTimeFormatter RPC_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final AliyunClientOptions options;
  private final HttpClient http;
  private final TokenServerApi tokenServer = new TokenServerApi(this);
  private final OnsMqttApi onsMqtt = new OnsMqttApi(this);

  private AliyunStyleClient(AliyunClientOptions options, HttpClient http) {
    this.options = options.validated();
    this.http = http == null ? newHttpClient(this.options) : http;
  }

  /** @throws IllegalArgumentException when the endpoint, AccessKeyId or AccessKeySecret is missing */
  public static AliyunStyleClient create(AliyunClientOptions options) {
    return new AliyunStyleClient(options, null);
  }

  /**
   * A client that sends through {@code http}, e.g. one connection pool shared by the clients of many AccessKeys; that
   * HttpClient's own connect timeout and proxy apply, not the options'.
   */
  public static AliyunStyleClient create(AliyunClientOptions options, HttpClient http) {
    return new AliyunStyleClient(options, Objects.requireNonNull(http, "http"));
  }

  /** An HttpClient as this client makes its own: HTTP/1.1, the options' connect timeout and proxy. */
  public static HttpClient newHttpClient(AliyunClientOptions options) {
    return options.newHttpClient();
  }

  public AliyunClientOptions options() {
    return new AliyunClientOptions(options);
  }

  /** {@code /token/apply} and {@code /token/revoke}. */
  public TokenServerApi tokenServer() {
    return tokenServer;
  }

  /** The OnsMqtt OpenAPI: sessions, connections, tokens. */
  public OnsMqttApi onsMqtt() {
    return onsMqtt;
  }

  /**
   * {@code GET /route/clientId/get}: whether {@code clientId} is connected to {@code instanceId}, and with how many
   * connections (API-NOTES §3.4). Signed over {@code accessKey}, {@code instanceId}, {@code resource} and the
   * {@code timestamp} (now, from the options' clock, in ms), which the server accepts within 5 minutes.
   */
  public CompletableFuture<RouteStatus> routeClientIdGet(String instanceId, String clientId) {
    FormParams query = new FormParams()
        .put("accessKey", options.getAccessKeyId())
        .put("resource", Arguments.requireText(clientId, "clientId"))
        .put("timestamp", Long.toString(options.getClock().millis()))
        .put("instanceId", Arguments.requireText(instanceId, "instanceId"))
        .sign(options.getAccessKeySecret());
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(options.getEndpoint() + "/route/clientId/get?" + query.encoded()))
        .timeout(options.getRequestTimeout())
        .header("Accept", "application/json")
        .GET()
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(response -> readPlain(response, RouteStatus.class));
  }

  /**
   * Calls {@code action} of the RPC-style OpenAPI as the Alibaba Cloud SDK does: the action's and the common
   * parameters in the query of a {@code POST /}, signed (API-NOTES §3.6); the PascalCase answer read into
   * {@code type}, an error's {@code {RequestId, Code, Message}} as an {@link AliyunApiException}.
   */
  <T> CompletableFuture<T> rpc(String action, String version, Map<String, String> actionParams, Class<T> type) {
    Map<String, String> params = new TreeMap<>(actionParams);
    params.put("Action", action);
    params.put("Version", version);
    params.put("Format", "JSON");
    params.put("AccessKeyId", options.getAccessKeyId());
    params.put("SignatureMethod", "HMAC-SHA1");
    params.put("SignatureVersion", "1.0");
    // a fresh nonce per call: the server refuses one it has seen within the timestamp window
    params.put("SignatureNonce", UUID.randomUUID().toString());
    params.put("Timestamp", RPC_TIMESTAMP.format(options.getClock().instant()));
    if (options.getRegionId() != null) {
      params.put("RegionId", options.getRegionId());
    }
    params.put(AliyunRpcSignature.SIGNATURE, AliyunRpcSignature.sign(options.getAccessKeySecret(), "POST", params));
    StringJoiner query = new StringJoiner("&");
    params.forEach((name, value) ->
        query.add(AliyunRpcSignature.percentEncode(name) + "=" + AliyunRpcSignature.percentEncode(value)));
    HttpRequest request = HttpRequest.newBuilder(URI.create(options.getOpenApiEndpoint() + "/?" + query))
        .timeout(options.getRequestTimeout())
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(response -> readRpc(response, type));
  }

  /** An OpenAPI answer: the fields on 2xx, otherwise {@code {RequestId, Code, Message}} as an exception. */
  static <T> T readRpc(HttpResponse<byte[]> response, Class<T> type) {
    int status = response.statusCode();
    JsonNode body = tree(AliyunJson.PASCAL, response.body());
    if (status / 100 != 2) {
      if (body == null || !body.hasNonNull("Code")) {
        throw unexpected(status, response.body());
      }
      throw new AliyunApiException(status, body.get("Code").asText(), body.path("Message").asText(""),
          body.path("RequestId").asText(null));
    }
    // every OpenAPI answer carries its RequestId; without one this is not the OpenAPI answering
    if (body == null || !body.hasNonNull("RequestId")) {
      throw unexpected(status, response.body());
    }
    return convert(AliyunJson.PASCAL, status, body, response.body(), type);
  }

  String accessKeyId() {
    return options.getAccessKeyId();
  }

  String secret() {
    return options.getAccessKeySecret();
  }

  URI tokenServerRoot() {
    return options.getTokenServerEndpoint();
  }

  /** POSTs {@code form} to {@code path} and reads the camelCase answer into {@code type}. */
  <T> CompletableFuture<T> postForm(URI root, String path, FormParams form, Class<T> type) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(root + path))
        .timeout(options.getRequestTimeout())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form.encoded(), StandardCharsets.UTF_8))
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(response -> readPlain(response, type));
  }

  /**
   * An answer of the token server or the online check: {@code {code, success, message, ...}}. An error status or
   * {@code success: false} is an {@link AliyunApiException} with the body's code (a number, as text).
   */
  static <T> T readPlain(HttpResponse<byte[]> response, Class<T> type) {
    int status = response.statusCode();
    JsonNode body = tree(AliyunJson.CAMEL, response.body());
    boolean refused = body != null && body.path("success").isBoolean() && !body.path("success").asBoolean();
    if (status / 100 != 2 || refused) {
      if (body == null || !body.hasNonNull("code")) {
        throw unexpected(status, response.body());
      }
      throw new AliyunApiException(status, body.get("code").asText(), body.path("message").asText(""), null);
    }
    return convert(AliyunJson.CAMEL, status, body, response.body(), type);
  }

  static <T> T convert(ObjectMapper json, int status, JsonNode body, byte[] raw, Class<T> type) {
    if (body == null || !body.isObject()) {
      throw unexpected(status, raw);
    }
    try {
      return json.treeToValue(body, type);
    } catch (IOException e) {
      throw new AliyunApiException(status, AliyunApiException.UNEXPECTED_RESPONSE,
          "the answer does not fit " + type.getSimpleName() + ": " + e.getMessage(), null);
    }
  }

  /** The body as JSON, or null when it is empty or not JSON. */
  static JsonNode tree(ObjectMapper json, byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  static AliyunApiException unexpected(int status, byte[] body) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    return new AliyunApiException(status, AliyunApiException.UNEXPECTED_RESPONSE,
        "HTTP " + status + (text.isEmpty() ? "" : ": " + abbreviate(text)), null);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
