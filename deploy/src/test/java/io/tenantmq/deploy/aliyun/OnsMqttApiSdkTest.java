package io.tenantmq.deploy.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.signers.HmacSHA1Signer;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.regions.ProductDomain;
import com.hivemq.client.mqtt.MqttClientState;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.token.TokenAction;
import io.tenantmq.control.token.TokenRequest;
import io.tenantmq.signing.aliyun.AliyunRpcSignature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OnsMqtt OpenAPI (2020-04-20) of a whole node, called with Alibaba Cloud's official Java SDK
 * ({@code DefaultAcsClient} + {@code CommonRequest}) as a migrating back end calls it, with only the domain changed;
 * real HiveMQ clients on the demo instance are the devices. Requests the SDK cannot make (a replayed URL, an old
 * timestamp) go through the JDK HttpClient.
 */
class OnsMqttApiSdkTest {

  private static final String VERSION = "2020-04-20";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path dataDir;
  static AliyunNode aliyun;
  static ControlPlane control;
  static int httpPort;
  static String demoInstance;
  static String otherInstance;
  /** An AccessKey of the demo tenant, for all its instances. */
  static AliyunHttp demoKey;
  /** An AccessKey of another tenant, which owns {@link #otherInstance}. */
  static AliyunHttp otherKey;
  static DefaultAcsClient sdk;

  @BeforeAll
  static void start() throws Exception {
    aliyun = new AliyunNode(dataDir);
    control = aliyun.control;
    httpPort = aliyun.httpPort;
    demoInstance = aliyun.demoInstance;
    demoKey = aliyun.api;
    otherInstance = aliyun.otherInstance;
    otherKey = aliyun.otherTenant;
    sdk = client(demoKey);
  }

  @AfterAll
  static void stop() throws Exception {
    if (sdk != null) {
      sdk.shutdown();
    }
    if (aliyun != null) {
      aliyun.close();
    }
  }

  @Test
  void querySessionIsTrueWhileTheClientIsConnectedAndFalseAfter() throws Exception {
    String clientId = "GID_t@@@dev" + AliyunNode.shortId();
    Mqtt3BlockingClient device = aliyun.mqtt3(clientId);
    device.connect();
    JsonObject online = call(sdk, "QuerySessionByClientId", MethodType.POST,
        Map.of("InstanceId", demoInstance, "ClientId", clientId));
    assertThat(online.getBoolean("OnlineStatus")).isTrue();
    assertThat(online.getString("RequestId")).isNotBlank();

    device.disconnect();
    await().atMost(10, TimeUnit.SECONDS).until(() -> !call(sdk, "QuerySessionByClientId", MethodType.GET,
        Map.of("InstanceId", demoInstance, "ClientId", clientId)).getBoolean("OnlineStatus"));
  }

  @Test
  void querySessionOfAClientNeverSeenIsFalse() throws Exception {
    JsonObject answer = call(sdk, "QuerySessionByClientId", MethodType.GET,
        Map.of("InstanceId", demoInstance, "ClientId", "GID_t@@@never" + AliyunNode.shortId()));
    assertThat(answer.getBoolean("OnlineStatus")).isFalse();
  }

  @Test
  void batchQueryAnswersEveryIdInListOrder() throws Exception {
    String on = "GID_t@@@on" + AliyunNode.shortId();
    String off = "GID_t@@@off" + AliyunNode.shortId();
    Mqtt3BlockingClient device = aliyun.mqtt3(on);
    device.connect();
    try {
      JsonObject answer = call(sdk, "BatchQuerySessionByClientIds", MethodType.POST,
          Map.of("InstanceId", demoInstance, "ClientIdList.1", off, "ClientIdList.2", on));
      assertThat(answer.getJsonArray("OnlineStatusList")).isEqualTo(new JsonArray()
          .add(new JsonObject().put("ClientId", off).put("OnlineStatus", false))
          .add(new JsonObject().put("ClientId", on).put("OnlineStatus", true)));
    } finally {
      device.disconnect();
    }
  }

  @Test
  void parametersInAFormBodyAreReadAndSigned() throws Exception {
    String clientId = "GID_t@@@form" + AliyunNode.shortId();
    Mqtt3BlockingClient device = aliyun.mqtt3(clientId);
    device.connect();
    try {
      CommonRequest request = request("QuerySessionByClientId", MethodType.POST, Map.of("InstanceId", demoInstance));
      // the SDK sends body parameters form-encoded and signs them with the query's
      request.putBodyParameter("ClientId", clientId);
      CommonResponse response = sdk.getCommonResponse(request);
      assertThat(new JsonObject(response.getData()).getBoolean("OnlineStatus")).isTrue();
    } finally {
      device.disconnect();
    }
  }

  @Test
  void batchQueryOfMoreThanTenIdsIsInvalidParameter() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("InstanceId", demoInstance);
    for (int i = 1; i <= 11; i++) {
      params.put("ClientIdList." + i, "GID_t@@@d" + i);
    }
    assertThat(error(sdk, "BatchQuerySessionByClientIds", params).getErrCode())
        .isEqualTo("InvalidParameter.ClientIdList");
  }

  @Test
  void closeConnectionDisconnectsTheClient() throws Exception {
    String clientId = "GID_t@@@kick" + AliyunNode.shortId();
    Mqtt3BlockingClient device = aliyun.mqtt3(clientId);
    device.connect();
    JsonObject answer = call(sdk, "CloseConnection", MethodType.POST,
        Map.of("InstanceId", demoInstance, "ClientId", clientId));
    assertThat(answer.fieldNames()).containsExactly("RequestId");
    await().atMost(10, TimeUnit.SECONDS).until(() -> device.getState() == MqttClientState.DISCONNECTED);
    await().atMost(10, TimeUnit.SECONDS).until(() -> !call(sdk, "QuerySessionByClientId", MethodType.GET,
        Map.of("InstanceId", demoInstance, "ClientId", clientId)).getBoolean("OnlineStatus"));
  }

  @Test
  void appliedTokenIsValidUntilRevoked() throws Exception {
    long expireAt = System.currentTimeMillis() + 3_600_000;
    JsonObject applied = call(sdk, "ApplyToken", MethodType.POST, Map.of("InstanceId", demoInstance,
        "Actions", "R,W", "Resources", "t/b,t/a/#", "ExpireTime", Long.toString(expireAt)));
    String token = applied.getString("Token");
    assertThat(token).isNotBlank();
    assertThat(control.tokens().find(token).toCompletableFuture().get(10, TimeUnit.SECONDS)).hasValueSatisfying(t -> {
      assertThat(t.instanceId()).isEqualTo(demoInstance);
      assertThat(t.resources()).containsExactly("t/a/#", "t/b");
    });

    assertThat(call(sdk, "QueryToken", MethodType.POST, Map.of("InstanceId", demoInstance, "Token", token))
        .getBoolean("TokenStatus")).isTrue();
    // another tenant cannot see, nor revoke, the token: on its own instance the token is simply not valid
    DefaultAcsClient other = client(otherKey);
    try {
      assertThat(call(other, "QueryToken", MethodType.POST, Map.of("InstanceId", otherInstance, "Token", token))
          .getBoolean("TokenStatus")).isFalse();
      call(other, "RevokeToken", MethodType.POST, Map.of("InstanceId", otherInstance, "Token", token));
    } finally {
      other.shutdown();
    }
    assertThat(call(sdk, "QueryToken", MethodType.GET, Map.of("InstanceId", demoInstance, "Token", token))
        .getBoolean("TokenStatus")).isTrue();

    assertThat(call(sdk, "RevokeToken", MethodType.POST, Map.of("InstanceId", demoInstance, "Token", token))
        .fieldNames()).containsExactly("RequestId");
    assertThat(call(sdk, "QueryToken", MethodType.POST, Map.of("InstanceId", demoInstance, "Token", token))
        .getBoolean("TokenStatus")).isFalse();
  }

  @Test
  void expiredTokenIsNotValid() throws Exception {
    // stored directly with an expiry in the past: ApplyToken itself never issues one that short
    String token = AliyunNode.join(control.tokens().apply(new TokenRequest(aliyun.demoTenant, demoInstance,
        demoKey.accessKeyId(), Set.of(TokenAction.R), List.of("t/a"), System.currentTimeMillis() - 1))).token();
    assertThat(call(sdk, "QueryToken", MethodType.POST, Map.of("InstanceId", demoInstance, "Token", token))
        .getBoolean("TokenStatus")).isFalse();
  }

  @Test
  void applyTokenWithBadActionsOrShortExpiryIsInvalidParameter() {
    String expireAt = Long.toString(System.currentTimeMillis() + 3_600_000);
    assertThat(error(sdk, "ApplyToken", Map.of("InstanceId", demoInstance, "Actions", "X", "Resources", "t/a",
        "ExpireTime", expireAt)).getErrCode()).isEqualTo("InvalidParameter.Actions");
    assertThat(error(sdk, "ApplyToken", Map.of("InstanceId", demoInstance, "Actions", "R", "Resources", "t/a",
        "ExpireTime", Long.toString(System.currentTimeMillis() + 1000))).getErrCode())
        .isEqualTo("InvalidParameter.ExpireTime");
    assertThat(error(sdk, "ApplyToken", Map.of("InstanceId", demoInstance, "Actions", "R", "ExpireTime", expireAt))
        .getErrCode()).isEqualTo("MissingResources");
  }

  @Test
  void missingClientIdIsMissingParameter() {
    ClientException e = error(sdk, "QuerySessionByClientId", Map.of("InstanceId", demoInstance));
    assertThat(e.getErrCode()).isEqualTo("MissingClientId");
    assertThat(e.getErrMsg()).isEqualTo("ClientId is mandatory for this action.");
    assertThat(e.getRequestId()).isNotBlank();
  }

  @Test
  void anotherTenantsInstanceIsRefusedAlikeWithAMissingOne() {
    ClientException foreign = error(sdk, "QuerySessionByClientId",
        Map.of("InstanceId", otherInstance, "ClientId", "GID_t@@@dev1"));
    ClientException missing = error(sdk, "QuerySessionByClientId",
        Map.of("InstanceId", "mqtt-none" + AliyunNode.shortId(), "ClientId", "GID_t@@@dev1"));
    assertThat(foreign.getErrCode()).isEqualTo("InstancePermissionCheckFailed");
    assertThat(missing.getErrCode()).isEqualTo(foreign.getErrCode());
    assertThat(missing.getErrMsg()).isEqualTo(foreign.getErrMsg());
  }

  @Test
  void keyLimitedToOneInstanceCannotActOnAnotherOfItsTenant() throws Exception {
    String limitedTo = "mqtt-l" + AliyunNode.shortId();
    aliyun.instance(aliyun.demoTenant, limitedTo);
    DefaultAcsClient client = client(aliyun.keyFor(aliyun.demoTenant, limitedTo));
    try {
      assertThat(call(client, "QuerySessionByClientId", MethodType.GET, Map.of("InstanceId", limitedTo,
          "ClientId", "GID_t@@@l")).getBoolean("OnlineStatus")).isFalse();
      assertThat(error(client, "QuerySessionByClientId", Map.of("InstanceId", demoInstance, "ClientId", "GID_t@@@l"))
          .getErrCode()).isEqualTo("InstancePermissionCheckFailed");
    } finally {
      client.shutdown();
    }
  }

  @Test
  void wrongSecretIsSignatureDoesNotMatch() {
    DefaultAcsClient wrong = client(demoKey.accessKeyId(), demoKey.secret() + "x");
    try {
      ClientException e = error(wrong, "QuerySessionByClientId",
          Map.of("InstanceId", demoInstance, "ClientId", "GID_t@@@a"));
      assertThat(e.getErrCode()).isEqualTo("SignatureDoesNotMatch");
      // as Alibaba Cloud does, the message shows the server's string to sign (no secret in it) for debugging
      assertThat(e.getErrMsg()).startsWith("Specified signature is not matched with our calculation.")
          .contains("server string to sign is:POST&%2F&AccessKeyId%3D" + demoKey.accessKeyId());
    } finally {
      wrong.shutdown();
    }
  }

  @Test
  void changedParameterIsSignatureDoesNotMatch() throws Exception {
    String url = signedUrl(demoKey, "QuerySessionByClientId", Map.of("InstanceId", demoInstance, "ClientId", "GID_t@@@a"));
    HttpResponse<String> answer = get(url.replace("GID_t%40%40%40a", "GID_t%40%40%40b"));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(answer.body()).getString("Code")).isEqualTo("SignatureDoesNotMatch");
    assertThat(new JsonObject(answer.body()).fieldNames()).contains("RequestId", "HostId", "Message");
  }

  @Test
  void unknownAccessKeyIsNotFound() {
    DefaultAcsClient stranger = client("LTAI" + AliyunNode.shortId(), "secret");
    try {
      assertThat(error(stranger, "QuerySessionByClientId", Map.of("InstanceId", demoInstance, "ClientId", "a"))
          .getErrCode()).isEqualTo("InvalidAccessKeyId.NotFound");
    } finally {
      stranger.shutdown();
    }
  }

  @Test
  void replayedRequestIsSignatureNonceUsed() throws Exception {
    String url = signedUrl(demoKey, "QuerySessionByClientId",
        Map.of("InstanceId", demoInstance, "ClientId", "GID_t@@@replay"));
    HttpResponse<String> first = get(url);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(first.body()).getBoolean("OnlineStatus")).isFalse();
    HttpResponse<String> replay = get(url);
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(replay.body()).getString("Code")).isEqualTo("SignatureNonceUsed");
  }

  @Test
  void timestampOutsideFifteenMinutesIsExpired() throws Exception {
    Instant stale = Instant.now().minus(Duration.ofMinutes(16)).truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> answer = get(selfSignedUrl(stale, UUID.randomUUID().toString()));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(answer.body()).getString("Code")).isEqualTo("InvalidTimeStamp.Expired");

    Instant recent = Instant.now().minus(Duration.ofMinutes(14)).truncatedTo(ChronoUnit.SECONDS);
    assertThat(get(selfSignedUrl(recent, UUID.randomUUID().toString())).statusCode()).isEqualTo(200);
  }

  @Test
  void traceDeviceListsEachChannelsConnectDisconnectAndCloseInOrderAPageAtATime() throws Exception {
    String clientId = "GID_t@@@trace" + AliyunNode.shortId();
    long begin = System.currentTimeMillis() - 1;
    for (int i = 0; i < 2; i++) {
      Mqtt3BlockingClient device = aliyun.mqtt3(clientId);
      device.connect();
      device.disconnect();
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("InstanceId", demoInstance);
    params.put("ClientId", clientId);
    params.put("BeginTime", String.valueOf(begin));
    params.put("EndTime", String.valueOf(System.currentTimeMillis() + 60_000));
    params.put("CurrentPage", "1");
    params.put("PageSize", "100");
    await().atMost(10, TimeUnit.SECONDS)
        .until(() -> call(sdk, "QueryMqttTraceDevice", MethodType.POST, params).getInteger("Total") == 6);
    JsonObject all = call(sdk, "QueryMqttTraceDevice", MethodType.POST, params);
    JsonArray list = all.getJsonArray("DeviceInfoList");
    assertThat(list.stream().map(o -> ((JsonObject) o).getString("Action")).toList())
        .containsExactly("connect", "disconnect", "close", "connect", "disconnect", "close");
    JsonObject first = list.getJsonObject(0);
    assertThat(first.getString("ActionCode")).isEqualTo("mqtt.trace.action.connect");
    assertThat(first.getString("ActionInfo")).isEqualTo("accepted");
    assertThat(first.getString("Time")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
    assertThat(list.getJsonObject(2).getString("ChannelId")).isEqualTo(first.getString("ChannelId")).hasSize(32);
    assertThat(list.getJsonObject(3).getString("ChannelId")).isNotEqualTo(first.getString("ChannelId"));

    params.put("CurrentPage", "2");
    params.put("PageSize", "2");
    params.put("Reverse", "true");
    JsonObject page = call(sdk, "QueryMqttTraceDevice", MethodType.GET, params);
    assertThat(page.getInteger("Total")).isEqualTo(6);
    assertThat(page.getInteger("CurrentPage")).isEqualTo(2);
    assertThat(page.getJsonArray("DeviceInfoList")).isEqualTo(new JsonArray()
        .add(list.getJsonObject(3)).add(list.getJsonObject(2)));

    params.put("PageSize", "101");
    assertThat(error(sdk, "QueryMqttTraceDevice", params).getErrCode()).isEqualTo("InvalidParameter.PageSize");
    params.put("PageSize", "10");
    params.put("InstanceId", otherInstance);
    assertThat(error(sdk, "QueryMqttTraceDevice", params).getErrCode()).isEqualTo("InstancePermissionCheckFailed");
  }

  @Test
  void unknownActionIsApiNotFound() {
    ClientException e = error(sdk, "SendMessage", Map.of("InstanceId", demoInstance));
    assertThat(e.getErrCode()).isEqualTo("InvalidApi.NotFound");
  }

  @Test
  void formatXmlAnswersXml() throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("InstanceId", demoInstance);
    params.put("ClientIdList.1", "GID_t@@@x1");
    params.put("ClientIdList.2", "GID_t@@@x2");
    CommonRequest request = request("BatchQuerySessionByClientIds", MethodType.GET, params);
    request.setSysAccept(FormatType.XML);
    CommonResponse response = sdk.getCommonResponse(request);
    assertThat(response.getData()).startsWith("<?xml").contains("<BatchQuerySessionByClientIdsResponse>",
        "<OnlineStatusList><ClientId>GID_t@@@x1</ClientId><OnlineStatus>false</OnlineStatus></OnlineStatusList>"
            + "<OnlineStatusList><ClientId>GID_t@@@x2</ClientId><OnlineStatus>false</OnlineStatus></OnlineStatusList>");
  }

  @Test
  void errorsInXmlWhenXmlIsAsked() throws Exception {
    HttpResponse<String> answer = get(selfSignedUrl(Map.of("Format", "XML", "ClientId", "")));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("xml"));
    assertThat(answer.body()).startsWith("<?xml").contains("<Error><RequestId>", "<Code>MissingClientId</Code>",
        "<Message>ClientId is mandatory for this action.</Message></Error>");
  }

  @Test
  void otherVersionIsInvalidVersionAndUnknownFormatIsInvalidFormat() throws Exception {
    HttpResponse<String> version = get(selfSignedUrl(Map.of("Version", "2019-01-01")));
    assertThat(version.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(version.body()).getString("Code")).isEqualTo("InvalidVersion");
    HttpResponse<String> format = get(selfSignedUrl(Map.of("Format", "YAML")));
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(format.body()).getString("Code")).isEqualTo("InvalidParameter.Format");
  }

  @Test
  void missingSignatureNonceIsNamed() throws Exception {
    HttpResponse<String> answer = get(selfSignedUrl(Map.of("SignatureNonce", "")));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(answer.body()).getString("Code")).isEqualTo("MissingSignatureNonce");
  }

  @Test
  void tencentApiStillAnswersOnTheSamePath() throws Exception {
    IssuedCredential tencent = AliyunNode.join(control.credentials().issue(aliyun.demoTenant,
        CredentialKind.TENCENT, null, "it"));
    HttpProfile http = new HttpProfile();
    http.setEndpoint("127.0.0.1:" + httpPort);
    http.setProtocol(HttpProfile.REQ_HTTP);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    CommonClient trocket = new CommonClient("trocket", "2023-03-08",
        new Credential(tencent.credential().credentialId(), tencent.secret()), "ap-guangzhou", profile);
    JsonObject response = new JsonObject(trocket.call("DescribeMQTTInstanceList", "{}")).getJsonObject("Response");
    assertThat(response.getString("RequestId")).isNotBlank();
    assertThat(response.encode()).contains(demoInstance);
  }

  // ---- helpers

  private static DefaultAcsClient client(AliyunHttp key) {
    return client(key.accessKeyId(), key.secret());
  }

  private static DefaultAcsClient client(String accessKeyId, String secret) {
    return new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", accessKeyId, secret));
  }

  private static CommonRequest request(String action, MethodType method, Map<String, String> params) {
    CommonRequest request = new CommonRequest();
    request.setSysDomain("127.0.0.1:" + httpPort);
    request.setSysProtocol(ProtocolType.HTTP);
    request.setSysVersion(VERSION);
    request.setSysAction(action);
    request.setSysMethod(method);
    params.forEach(request::putQueryParameter);
    return request;
  }

  /** The answer of a successful call, as JSON. */
  private static JsonObject call(DefaultAcsClient client, String action, MethodType method, Map<String, String> params)
      throws ClientException {
    CommonResponse response = client.getCommonResponse(request(action, method, params));
    assertThat(response.getHttpStatus()).isEqualTo(200);
    return new JsonObject(response.getData());
  }

  /** The SDK's exception for a call that fails. */
  private static ClientException error(DefaultAcsClient client, String action, Map<String, String> params) {
    ClientException e = catchThrowableOfType(ClientException.class,
        () -> client.getCommonResponse(request(action, MethodType.POST, params)));
    assertThat(e).as("the call should fail").isNotNull();
    return e;
  }

  /** A GET URL signed by the SDK itself (fresh nonce and timestamp), to send with another HTTP client. */
  private static String signedUrl(AliyunHttp key, String action, Map<String, String> params) throws Exception {
    String domain = "127.0.0.1:" + httpPort;
    com.aliyuncs.http.HttpRequest signed = request(action, MethodType.GET, params).buildRequest().signRequest(
        new HmacSHA1Signer(), new BasicCredentials(key.accessKeyId(), key.secret()), FormatType.JSON,
        new ProductDomain("OnsMqtt", domain));
    return signed.getSysUrl();
  }

  /** A QuerySessionByClientId URL signed with this project's signer, with a chosen timestamp. */
  private static String selfSignedUrl(Instant timestamp, String nonce) {
    return selfSignedUrl(Map.of("Timestamp", timestamp.toString(), "SignatureNonce", nonce));
  }

  /** A QuerySessionByClientId URL signed now with this project's signer, with some parameters replaced or added. */
  private static String selfSignedUrl(Map<String, String> changes) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("Action", "QuerySessionByClientId");
    params.put("Version", VERSION);
    params.put("Format", "JSON");
    params.put("AccessKeyId", demoKey.accessKeyId());
    params.put("SignatureMethod", "HMAC-SHA1");
    params.put("SignatureVersion", "1.0");
    params.put("SignatureNonce", UUID.randomUUID().toString());
    params.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    params.put("InstanceId", demoInstance);
    params.put("ClientId", "GID_t@@@clock");
    params.putAll(changes);
    params.values().removeIf(String::isEmpty);
    params.put("Signature", AliyunRpcSignature.sign(demoKey.secret(), "GET", params));
    StringJoiner query = new StringJoiner("&");
    params.forEach((k, v) -> query.add(AliyunRpcSignature.percentEncode(k) + "=" + AliyunRpcSignature.percentEncode(v)));
    return "http://127.0.0.1:" + httpPort + "/?" + query;
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
