package io.tenantmq.deploy.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.signers.HmacSHA1Signer;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.regions.ProductDomain;
import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.tenantmq.deploy.NodeFixture;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OnsMqtt OpenAPI on a two-member cluster: the nonce of a call made on one member cannot be replayed on the
 * other, and sessions held by one member are seen and closed through the other's API.
 */
class OnsMqttAcrossNodesTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path dirA;
  @TempDir
  static Path dirB;
  static AliyunNode aliyun;
  static NodeFixture b;
  static String instance;
  static AliyunHttp key;

  @BeforeAll
  static void start() throws Exception {
    aliyun = new AliyunNode(dirA);
    b = aliyun.startAnother(dirB, "node-b");
    instance = aliyun.demoInstance;
    key = aliyun.api;
  }

  @AfterAll
  static void stop() throws Exception {
    if (b != null) {
      b.close();
    }
    if (aliyun != null) {
      aliyun.close();
    }
  }

  @Test
  void nonceUsedOnOneMemberIsRefusedOnTheOther() throws Exception {
    String query = signedQuery(Map.of("InstanceId", instance, "ClientId", "GID_t@@@replay"));
    HttpResponse<String> first = get(aliyun.fixture.httpBase() + "/?" + query);
    assertThat(first.statusCode()).isEqualTo(200);
    HttpResponse<String> replay = get(b.httpBase() + "/?" + query);
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(replay.body()).getString("Code")).isEqualTo("SignatureNonceUsed");
  }

  @Test
  void sessionOnOneMemberIsSeenAndClosedThroughTheOther() throws Exception {
    String clientId = "GID_t@@@a" + UUID.randomUUID().toString().substring(0, 8);
    Mqtt3BlockingClient device = aliyun.mqtt3(clientId);
    device.connect();
    DefaultAcsClient sdk = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", key.accessKeyId(),
        key.secret()));
    try {
      CommonResponse online = sdk.getCommonResponse(request(b.httpPort(), "QuerySessionByClientId",
          Map.of("InstanceId", instance, "ClientId", clientId)));
      assertThat(new JsonObject(online.getData()).getBoolean("OnlineStatus")).isTrue();

      sdk.getCommonResponse(request(b.httpPort(), "CloseConnection", Map.of("InstanceId", instance, "ClientId", clientId)));
      await().atMost(10, TimeUnit.SECONDS).until(() -> device.getState() == MqttClientState.DISCONNECTED);
    } finally {
      sdk.shutdown();
    }
  }

  private static CommonRequest request(int httpPort, String action, Map<String, String> params) {
    CommonRequest request = new CommonRequest();
    request.setSysDomain("127.0.0.1:" + httpPort);
    request.setSysProtocol(ProtocolType.HTTP);
    request.setSysVersion("2020-04-20");
    request.setSysAction(action);
    request.setSysMethod(MethodType.POST);
    params.forEach(request::putQueryParameter);
    return request;
  }

  /** The query of a GET signed by the SDK itself, to send to either member. */
  private static String signedQuery(Map<String, String> params) throws Exception {
    CommonRequest request = request(aliyun.httpPort, "QuerySessionByClientId", params);
    request.setSysMethod(MethodType.GET);
    String url = request.buildRequest().signRequest(new HmacSHA1Signer(),
        new BasicCredentials(key.accessKeyId(), key.secret()), FormatType.JSON,
        new ProductDomain("OnsMqtt", "127.0.0.1:" + aliyun.httpPort)).getSysUrl();
    return URI.create(url).getRawQuery();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
