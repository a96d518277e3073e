package io.tenantmq.gateway.tencent;

import io.tenantmq.signing.tencent.Tc3Request;
import io.tenantmq.signing.tencent.Tc3Signer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Signs requests the way the Tencent SDK does (service = first label of the endpoint, {@code content-type;host}) and
 * sends them with the JDK's HttpClient, so that tests can also send what the SDK never would.
 */
final class SignedClient {

  static final String JSON = "application/json; charset=utf-8";
  static final String FORM = "application/x-www-form-urlencoded";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final int port;
  private final String secretId;
  private final String secretKey;

  SignedClient(int port, String secretId, String secretKey) {
    this.port = port;
    this.secretId = secretId;
    this.secretKey = secretKey;
  }

  String host() {
    return "127.0.0.1:" + port;
  }

  /** A POST of {@code body}, signed now. */
  Reply post(String action, String version, String body) {
    return post(action, version, body, System.currentTimeMillis() / 1000);
  }

  Reply post(String action, String version, String body, long timestamp) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String auth = authorization("POST", "", bytes, JSON, timestamp);
    return send(HttpRequest.newBuilder(URI.create("http://" + host() + "/"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), action, version, JSON, timestamp, auth);
  }

  /** A form-encoded GET of {@code rawQuery}, signed now. */
  Reply get(String action, String version, String rawQuery) {
    long timestamp = System.currentTimeMillis() / 1000;
    String auth = authorization("GET", rawQuery, new byte[0], FORM, timestamp);
    return send(HttpRequest.newBuilder(URI.create("http://" + host() + "/?" + rawQuery)).GET(), action, version, FORM,
        timestamp, auth);
  }

  String authorization(String method, String rawQuery, byte[] body, String contentType, long timestamp) {
    Tc3Request request = new Tc3Request(method, rawQuery, Map.of("Content-Type", contentType, "Host", host()), body,
        timestamp);
    return Tc3Signer.authorization(secretId, secretKey, "127", request, List.of("content-type", "host"));
  }

  static Reply send(HttpRequest.Builder builder, String action, String version, String contentType, long timestamp,
                    String authorization) {
    builder.header("Content-Type", contentType).header("X-TC-Timestamp", Long.toString(timestamp))
        .header("X-TC-Region", "ap-guangzhou");
    if (action != null) {
      builder.header("X-TC-Action", action);
    }
    if (version != null) {
      builder.header("X-TC-Version", version);
    }
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), new JsonObject(response.body()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The HTTP status and the body's {@code Response}. */
  record Reply(int status, JsonObject body) {
    JsonObject response() {
      return body.getJsonObject("Response");
    }

    String errorCode() {
      JsonObject error = response().getJsonObject("Error");
      return error == null ? null : error.getString("Code");
    }

    String errorMessage() {
      return response().getJsonObject("Error").getString("Message");
    }

    String requestId() {
      return response().getString("RequestId");
    }
  }
}
