package io.tenantmq.sdk.tencent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tenantmq.sdk.tencent.mqtt.MqttApi;
import io.tenantmq.sdk.tencent.trocket.TrocketApi;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Calls Tencent Cloud API 3.0 actions, signed with TC3-HMAC-SHA256 exactly as the official Java SDK signs them, so the
 * same client talks to TenantMQ or to Tencent Cloud. Thread-safe; share one per credential.
 *
 * <p>Every call returns a future. It completes with the typed response, or fails with a {@link TencentApiException}
 * when the API answered {@code Response.Error} (or no envelope), or with the transport's {@link IOException} (a
 * timeout is an {@link java.net.http.HttpTimeoutException}).
 */
public final class TencentStyleClient {

  /** PascalCase field names as the API spells them; explicit {@code @JsonProperty} only where it differs (MQTT...). */
  static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      // the server may answer fields a newer API version added
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final TencentClientOptions options;
  private final TencentRequestSigner signer;
  private final HttpClient http;
  private final TrocketApi trocket;
  private final MqttApi mqtt;

  private TencentStyleClient(TencentClientOptions options, HttpClient http) {
    this.options = options.validated();
    this.signer = new TencentRequestSigner(this.options);
    this.http = http == null ? newHttpClient(this.options) : http;
    this.trocket = new TrocketApi(this);
    this.mqtt = new MqttApi(this);
  }

  /** @throws IllegalArgumentException when the endpoint, SecretId or SecretKey is missing */
  public static TencentStyleClient create(TencentClientOptions options) {
    return new TencentStyleClient(options, null);
  }

  /**
   * A client that sends through {@code http}, e.g. one connection pool shared by the clients of many credentials;
   * that HttpClient's own connect timeout and proxy apply, not the options'.
   */
  public static TencentStyleClient create(TencentClientOptions options, HttpClient http) {
    return new TencentStyleClient(options, Objects.requireNonNull(http, "http"));
  }

  /** An HttpClient as this client makes its own: HTTP/1.1, the options' connect timeout and proxy. */
  public static HttpClient newHttpClient(TencentClientOptions options) {
    return options.newHttpClient();
  }

  /** The actions of version 2023-03-08 (TDMQ RocketMQ 5's MQTT actions, as TenantMQ serves them). */
  public TrocketApi trocket() {
    return trocket;
  }

  /** The actions of version 2024-05-16 (the MQTT product). */
  public MqttApi mqtt() {
    return mqtt;
  }

  public TencentClientOptions options() {
    return new TencentClientOptions(options);
  }

  /**
   * Calls {@code action} of {@code version} with {@code request} serialized as the API's JSON (PascalCase, nulls left
   * out) and reads {@code Response} into {@code responseType}.
   */
  public <R extends TencentResponse> CompletableFuture<R> call(String action, String version, Object request,
                                                              Class<R> responseType) {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(request == null ? JSON.createObjectNode() : request);
    } catch (JsonProcessingException e) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("request cannot be serialized: " + e, e));
    }
    long timestamp = options.getClock().instant().getEpochSecond();
    HttpRequest.Builder builder = HttpRequest.newBuilder(options.getEndpoint())
        .timeout(options.getRequestTimeout())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    // Host is the client's to set (and equal to what was signed)
    signer.headers(action, version, body, timestamp).forEach((name, value) -> {
      if (!name.equals("Host")) {
        builder.header(name, value);
      }
    });
    return http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(response -> parse(response, responseType));
  }

  static <R> R parse(HttpResponse<byte[]> response, Class<R> responseType) {
    if (response.statusCode() != 200) {
      throw new TencentApiException(TencentApiException.SERVER_SIDE_ERROR,
          "response code is " + response.statusCode() + ", not 200", null);
    }
    return parse(response.body(), responseType);
  }

  /** Reads an envelope {@code {"Response": {...}}}: its Error as an exception, otherwise the fields as {@code R}. */
  static <R> R parse(byte[] body, Class<R> responseType) {
    JsonNode inner;
    try {
      inner = JSON.readTree(body).path("Response");
    } catch (IOException e) {
      throw new TencentApiException(TencentApiException.CLIENT_SIDE_ERROR, "the answer is not JSON: " + e.getMessage(), null);
    }
    if (!inner.isObject()) {
      throw new TencentApiException(TencentApiException.CLIENT_SIDE_ERROR, "the answer has no Response object", null);
    }
    String requestId = inner.path("RequestId").asText(null);
    JsonNode error = inner.get("Error");
    if (error != null && !error.isNull()) {
      throw new TencentApiException(error.path("Code").asText(""), error.path("Message").asText(""), requestId);
    }
    try {
      return JSON.treeToValue(inner, responseType);
    } catch (JsonProcessingException e) {
      throw new TencentApiException(TencentApiException.CLIENT_SIDE_ERROR,
          "the Response does not fit " + responseType.getSimpleName() + ": " + e.getOriginalMessage(), requestId);
    }
  }
}
