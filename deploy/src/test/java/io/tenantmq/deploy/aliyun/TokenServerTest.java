package io.tenantmq.deploy.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantmq.control.token.AccessToken;
import io.tenantmq.control.token.TokenAction;
import io.tenantmq.control.token.TokenRequest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token server ({@code /token/apply}, {@code /token/revoke}) against the whole product, called as the demos do. */
class TokenServerTest {

  static final long HOUR = 3600_000L;

  @TempDir
  static Path dataDir;
  static AliyunNode aliyun;

  @BeforeAll
  static void start() throws Exception {
    aliyun = new AliyunNode(dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (aliyun != null) {
      aliyun.close();
    }
  }

  @Test
  void appliedTokenIsStoredForTheKeysTenantAndInstanceWithItsActionsAndSortedResources() {
    long expireAt = System.currentTimeMillis() + HOUR;
    AliyunHttp.Answer answer = aliyun.api.applyToken(aliyun.demoInstance, "R,W", "t/b,t/a/#", expireAt);
    assertThat(answer.status()).isEqualTo(200);
    JsonObject body = answer.json();
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("success", "message", "code", "tokenData");
    assertThat(body.getBoolean("success")).isTrue();
    assertThat(body.getInteger("code")).isEqualTo(200);
    assertThat(body.getString("message")).isEqualTo("success");

    AccessToken stored = find(body.getString("tokenData")).orElseThrow();
    assertThat(stored.tenantId()).isEqualTo(aliyun.demoTenant);
    assertThat(stored.instanceId()).isEqualTo(aliyun.demoInstance);
    assertThat(stored.accessKeyId()).isEqualTo(aliyun.api.accessKeyId());
    assertThat(stored.actions()).isEqualTo(Set.of(TokenAction.R, TokenAction.W));
    assertThat(stored.resources()).containsExactly("t/a/#", "t/b");
    assertThat(stored.expireAtMillis()).isEqualTo(expireAt);
    assertThat(stored.activeAt(System.currentTimeMillis())).isTrue();
  }

  @Test
  void everyTokenIsFreshAndOnlyItsDigestIsStored() {
    long expireAt = System.currentTimeMillis() + HOUR;
    String first = aliyun.api.applyToken(aliyun.demoInstance, "R", "t/x", expireAt).json().getString("tokenData");
    String second = aliyun.api.applyToken(aliyun.demoInstance, "R", "t/x", expireAt).json().getString("tokenData");
    assertThat(first).isNotEqualTo(second);
    assertThat(find(first).orElseThrow().digest()).doesNotContain(first);
  }

  @Test
  void expiryBeyondThirtyDaysIsCutToThirtyDays() {
    long before = System.currentTimeMillis();
    String token = aliyun.api.applyToken(aliyun.demoInstance, "W", "t/y", before + 90L * 24 * HOUR)
        .json().getString("tokenData");
    long expireAt = find(token).orElseThrow().expireAtMillis();
    assertThat(expireAt).isBetween(before + TokenRequest.MAX_LIFETIME_MILLIS,
        System.currentTimeMillis() + TokenRequest.MAX_LIFETIME_MILLIS);
  }

  @Test
  void revokedTokenIsGoneAndASecondRevokeFindsNothing() {
    String token = apply();
    AliyunHttp.Answer revoked = aliyun.api.revokeToken(token);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json()).isEqualTo(new JsonObject().put("success", true).put("message", "success")
        .put("code", 200));
    assertThat(find(token)).isEmpty();

    AliyunHttp.Answer again = aliyun.api.revokeToken(token);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json()).isEqualTo(failure(400, "token is unknown"));
  }

  @Test
  void anotherTenantsKeyCannotRevokeATokenAndLearnsNothingAboutIt() {
    String token = apply();
    AliyunHttp.Answer theirs = aliyun.otherTenant.revokeToken(token);
    AliyunHttp.Answer madeUp = aliyun.otherTenant.revokeToken("bm90IGEgdG9rZW4gYXQgYWxsIGp1c3QgYnl0ZXMhIQ==");
    assertThat(theirs.status()).isEqualTo(400);
    assertThat(theirs.body()).isEqualTo(madeUp.body());
    assertThat(find(token)).isPresent();
  }

  @Test
  void keyLimitedToAnInstanceNeitherAppliesNorRevokesForItsTenantsOtherInstances() {
    String sibling = "mqtt-t" + AliyunNode.shortId();
    aliyun.instance(aliyun.demoTenant, sibling);
    AliyunHttp scoped = aliyun.keyFor(aliyun.demoTenant, sibling);
    assertThat(scoped.applyToken(sibling, "R", "t/z", System.currentTimeMillis() + HOUR).status()).isEqualTo(200);
    assertThat(scoped.applyToken(aliyun.demoInstance, "R", "t/z", System.currentTimeMillis() + HOUR).json())
        .isEqualTo(denied());
    String demoToken = apply();
    assertThat(scoped.revokeToken(demoToken).json()).isEqualTo(failure(400, "token is unknown"));
    assertThat(find(demoToken)).isPresent();
  }

  @Test
  void wrongSignatureUnknownKeyAndSomeoneElsesInstanceAreOneAnswer() {
    long expireAt = System.currentTimeMillis() + HOUR;
    AliyunHttp wrongSecret = new AliyunHttp(aliyun.httpPort, aliyun.api.accessKeyId(), "not-the-secret");
    AliyunHttp unknownKey = new AliyunHttp(aliyun.httpPort, "LTAInobody" + AliyunNode.shortId(), "secret");
    List<AliyunHttp.Answer> answers = List.of(
        wrongSecret.applyToken(aliyun.demoInstance, "R", "t/q", expireAt),
        unknownKey.applyToken(aliyun.demoInstance, "R", "t/q", expireAt),
        aliyun.otherTenant.applyToken(aliyun.demoInstance, "R", "t/q", expireAt),
        aliyun.api.applyToken(aliyun.otherInstance, "R", "t/q", expireAt),
        aliyun.api.applyToken("mqtt-none" + AliyunNode.shortId(), "R", "t/q", expireAt),
        wrongSecret.revokeToken(apply()));
    for (AliyunHttp.Answer answer : answers) {
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.json()).isEqualTo(denied());
    }
  }

  @Test
  void parameterChangedAfterSigningIsDenied() {
    Map<String, String> params = signedApply("R", "t/a", System.currentTimeMillis() + HOUR);
    params.put("resources", "t/#");
    assertThat(aliyun.api.postForm("/token/apply", params).json()).isEqualTo(denied());
  }

  @Test
  void everyMissingParameterIsABadRequestNamingIt() {
    for (String name : List.of("actions", "resources", "expireTime", "serviceName", "instanceId", "accessKey",
        "signature")) {
      Map<String, String> params = signedApply("R", "t/a", System.currentTimeMillis() + HOUR);
      params.remove(name);
      AliyunHttp.Answer answer = aliyun.api.postForm("/token/apply", params);
      assertThat(answer.status()).as(name).isEqualTo(400);
      assertThat(answer.json()).as(name).isEqualTo(failure(400, name + " is required"));
    }
    for (String name : List.of("token", "accessKey", "signature")) {
      Map<String, String> params = new LinkedHashMap<>(Map.of("token", "abc", "accessKey", "LTAIx",
          "signature", "abc"));
      params.remove(name);
      assertThat(aliyun.api.postForm("/token/revoke", params).json()).as(name)
          .isEqualTo(failure(400, name + " is required"));
    }
  }

  @Test
  void serviceNameMustBeMqAndProxyTypeMqtt() {
    Map<String, String> service = signedApply("R", "t/a", System.currentTimeMillis() + HOUR, "ons");
    assertThat(aliyun.api.postForm("/token/apply", service).json()).isEqualTo(failure(400, "serviceName must be mq"));
    Map<String, String> proxy = signedApply("R", "t/a", System.currentTimeMillis() + HOUR);
    proxy.put("proxyType", "AMQP");
    assertThat(aliyun.api.postForm("/token/apply", proxy).json()).isEqualTo(failure(400, "proxyType must be MQTT"));
    // the 2017 document's callers send no proxyType
    Map<String, String> noProxy = signedApply("R", "t/a", System.currentTimeMillis() + HOUR);
    noProxy.remove("proxyType");
    assertThat(aliyun.api.postForm("/token/apply", noProxy).status()).isEqualTo(200);
  }

  @Test
  void tokenRulesAreBadRequestsNamingTheParameter() {
    long now = System.currentTimeMillis();
    assertBadRequestNaming(aliyun.api.applyToken(aliyun.demoInstance, "RW", "t/a", now + HOUR), "actions");
    assertBadRequestNaming(aliyun.api.applyToken(aliyun.demoInstance, "R", "t/#/a", now + HOUR), "resources");
    assertBadRequestNaming(aliyun.api.applyToken(aliyun.demoInstance, "R", "t/a,,t/b", now + HOUR), "resources");
    assertBadRequestNaming(aliyun.api.applyToken(aliyun.demoInstance, "R", "t/a", now + 10_000), "expireTime");
    String tooMany = String.join(",", java.util.stream.IntStream.range(0, 101).mapToObj(i -> "t/" + i).toList());
    assertBadRequestNaming(aliyun.api.applyToken(aliyun.demoInstance, "R", tooMany, now + HOUR), "resources");
    Map<String, String> notANumber = signedApplyWithExpiry("R", "t/a", "tomorrow", "mq");
    assertBadRequestNaming(aliyun.api.postForm("/token/apply", notANumber), "expireTime");
  }

  @Test
  void getWithAQueryAppliesAndRevokesToo() {
    Map<String, String> params = signedApply("R", "t/g", System.currentTimeMillis() + HOUR);
    AliyunHttp.Answer applied = aliyun.api.get("/token/apply?" + AliyunHttp.form(params));
    assertThat(applied.status()).isEqualTo(200);
    String token = applied.json().getString("tokenData");
    assertThat(find(token)).isPresent();

    Map<String, String> revoke = new LinkedHashMap<>();
    revoke.put("token", token);
    revoke.put("signature", aliyun.api.sign(revoke));
    revoke.put("accessKey", aliyun.api.accessKeyId());
    assertThat(aliyun.api.get("/token/revoke?" + AliyunHttp.form(revoke)).status()).isEqualTo(200);
    assertThat(find(token)).isEmpty();
  }

  @Test
  void multipartFormAsTheNodeDemoSendsItApplies() throws Exception {
    Map<String, String> params = signedApply("R,W", "t/m", System.currentTimeMillis() + HOUR);
    String boundary = "----tenantmq" + AliyunNode.shortId();
    StringBuilder body = new StringBuilder();
    params.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
        .append(value).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + aliyun.httpPort + "/token/apply"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(find(new JsonObject(response.body()).getString("tokenData"))).isPresent();
  }

  @Test
  void deviceLogsInWithTheServersTokensUsesTheirTopicsAndIsClosedByTheRevoke() throws Exception {
    String read = apply("R", "t/e2e/#");
    String write = apply("W", "t/e2e/#");
    MqttClient device = new MqttClient("tcp://127.0.0.1:" + aliyun.mqttPort, "GID_t@@@tok" + AliyunNode.shortId(),
        new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setAutomaticReconnect(false);
    options.setUserName("Token|" + aliyun.api.accessKeyId() + "|" + aliyun.demoInstance);
    options.setPassword(("R|" + read + "|W|" + write).toCharArray());
    device.connect(options);
    try {
      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      device.subscribe("t/e2e/a", 1, (topic, message) -> received.add(new String(message.getPayload(),
          StandardCharsets.UTF_8)));
      device.publish("t/e2e/a", "hello".getBytes(StandardCharsets.UTF_8), 1, false);
      assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");

      assertThat(aliyun.api.revokeToken(write).status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(15)).until(() -> !device.isConnected());
    } finally {
      if (device.isConnected()) {
        device.disconnect();
      }
      device.close();
    }
  }

  @Test
  void bodyOverOneMegabyteIsRefusedInTheEnvelope() {
    Map<String, String> params = signedApply("R", "t/big", System.currentTimeMillis() + HOUR);
    params.put("padding", "x".repeat(1024 * 1024 + 1));
    AliyunHttp.Answer answer = aliyun.api.postForm("/token/apply", params);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().getBoolean("success")).isFalse();
    assertThat(answer.json().getInteger("code")).isEqualTo(413);
  }

  private static void assertBadRequestNaming(AliyunHttp.Answer answer, String parameter) {
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getBoolean("success")).isFalse();
    assertThat(answer.json().getInteger("code")).isEqualTo(400);
    assertThat(answer.json().getString("message")).contains(parameter);
    assertThat(answer.json().containsKey("tokenData")).isFalse();
  }

  /** The parameters of a signed apply of the demo instance, as TokenApiDemo sends them (mutable). */
  private static Map<String, String> signedApply(String actions, String resources, long expireAt) {
    return signedApply(actions, resources, expireAt, "mq");
  }

  private static Map<String, String> signedApply(String actions, String resources, long expireAt, String service) {
    return signedApplyWithExpiry(actions, resources, Long.toString(expireAt), service);
  }

  private static Map<String, String> signedApplyWithExpiry(String actions, String resources, String expireTime,
                                                           String service) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("resources", resources);
    params.put("actions", actions);
    params.put("serviceName", service);
    params.put("expireTime", expireTime);
    params.put("instanceId", aliyun.demoInstance);
    String signature = aliyun.api.sign(params);
    params.put("proxyType", "MQTT");
    params.put("accessKey", aliyun.api.accessKeyId());
    params.put("signature", signature);
    return params;
  }

  private static String apply() {
    return apply("R,W", "t/r");
  }

  private static String apply(String actions, String resources) {
    AliyunHttp.Answer answer = aliyun.api.applyToken(aliyun.demoInstance, actions, resources,
        System.currentTimeMillis() + HOUR);
    assertThat(answer.status()).isEqualTo(200);
    return answer.json().getString("tokenData");
  }

  private static Optional<AccessToken> find(String token) {
    return AliyunNode.join(aliyun.control.tokens().find(token));
  }

  static JsonObject failure(int code, String message) {
    return new JsonObject().put("success", false).put("message", message).put("code", code);
  }

  static JsonObject denied() {
    return failure(403, "access denied: unknown accessKey, wrong signature, or an instance this accessKey may not use");
  }
}
