package io.tenantmq.deploy.aliyun;

import io.tenantmq.signing.aliyun.AliyunHmac;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plain JDK HTTP calls signed with one AccessKey, built as Aliyun's LMQ demos build them: the parameters signed raw,
 * then form-encoded (a GET's query, a POST's {@code application/x-www-form-urlencoded} body).
 */
record AliyunHttp(int port, String accessKeyId, String secret) {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The status and body of one call. */
  record Answer(int status, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  /** This key against another member's gateway. */
  AliyunHttp on(int otherPort) {
    return new AliyunHttp(otherPort, accessKeyId, secret);
  }

  /** {@code /route/clientId/get} signed now. */
  Answer routeGet(String instanceId, String clientId) {
    return routeGet(instanceId, clientId, System.currentTimeMillis());
  }

  Answer routeGet(String instanceId, String clientId, long timestampMillis) {
    return get("/route/clientId/get?" + routeQuery(instanceId, clientId, timestampMillis));
  }

  /** The query of a signed {@code /route/clientId/get}, in the demo's parameter order. */
  String routeQuery(String instanceId, String clientId, long timestampMillis) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("accessKey", accessKeyId);
    params.put("resource", clientId);
    params.put("timestamp", Long.toString(timestampMillis));
    params.put("instanceId", instanceId);
    params.put("signature", sign(params));
    return form(params);
  }

  /** {@code POST /token/apply} as TokenApiDemo sends it. */
  Answer applyToken(String instanceId, String actions, String resources, long expireTimeMillis) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("resources", resources);
    params.put("actions", actions);
    params.put("serviceName", "mq");
    params.put("expireTime", Long.toString(expireTimeMillis));
    params.put("instanceId", instanceId);
    String signature = sign(params);
    params.put("proxyType", "MQTT");
    params.put("accessKey", accessKeyId);
    params.put("signature", signature);
    return postForm("/token/apply", params);
  }

  /** {@code POST /token/revoke} as TokenApiDemo sends it. */
  Answer revokeToken(String token) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("token", token);
    params.put("signature", sign(params));
    params.put("accessKey", accessKeyId);
    return postForm("/token/revoke", params);
  }

  /** The parameter signature of {@code params} with this key's secret. */
  String sign(Map<String, String> params) {
    return AliyunHmac.paramSignature(secret, params.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
  }

  Answer get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  Answer postForm(String path, Map<String, String> params) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(params))));
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
