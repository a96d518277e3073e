package io.tenantmq.deploy.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.tenantmq.control.credential.CredentialChange;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /route/clientId/get} against the whole product with real MQTT clients (API-NOTES §3.4, vector T5). */
class RouteClientIdGetTest {

  static final Duration WAIT = Duration.ofSeconds(15);

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
  void onlineIsOneWhileTheClientIsConnectedAndZeroAfterItDisconnects() {
    String clientId = "GID_t@@@dev1";
    assertThat(aliyun.api.routeGet(aliyun.demoInstance, clientId).json()).isEqualTo(ok(0));

    Mqtt3BlockingClient client = aliyun.mqtt3(clientId);
    client.connect();
    AliyunHttp.Answer online = aliyun.api.routeGet(aliyun.demoInstance, clientId);
    assertThat(online.status()).isEqualTo(200);
    assertThat(online.json()).isEqualTo(ok(1));

    client.disconnect();
    await().atMost(WAIT).until(() -> aliyun.api.routeGet(aliyun.demoInstance, clientId).json().getInteger("online"),
        online0 -> online0 == 0);
    assertThat(aliyun.api.routeGet(aliyun.demoInstance, clientId).json()).isEqualTo(ok(0));
  }

  @Test
  void clientOfAnotherInstanceOfTheSameIdIsNotOnlineHere() {
    String clientId = "GID_t@@@same" + AliyunNode.shortId();
    Mqtt3BlockingClient client = aliyun.mqtt3(clientId);
    client.connect();
    try {
      String sibling = "mqtt-s" + AliyunNode.shortId();
      aliyun.instance(aliyun.demoTenant, sibling);
      assertThat(aliyun.api.routeGet(sibling, clientId).json()).isEqualTo(ok(0));
      assertThat(aliyun.api.routeGet(aliyun.demoInstance, clientId).json()).isEqualTo(ok(1));
    } finally {
      client.disconnect();
    }
  }

  @Test
  void vectorT5QueryDecodesAndVerifiesAndIsRefusedOnlyForItsAge() {
    String t5Query = "accessKey=YYYYY&resource=GID_Test%40%40%400001&timestamp=1711444795304&instanceId=mqtt-xxxxx"
        + "&signature=QVl%2FWzA5WVA%2B6Ezq9jQwORKPA7M%3D";
    AliyunHttp t5 = aliyun.importedKey(aliyun.demoTenant, "YYYYY", "XXXXX");
    aliyun.instance(aliyun.demoTenant, "mqtt-xxxxx");
    assertThat(t5.routeQuery("mqtt-xxxxx", "GID_Test@@@0001", 1711444795304L)).isEqualTo(t5Query);

    // code 4 comes only after the signature checked out: the vector's query verifies, its 2024 timestamp is stale
    AliyunHttp.Answer stale = t5.get("/route/clientId/get?" + t5Query);
    assertThat(stale.status()).isEqualTo(403);
    assertThat(stale.json().getInteger("code")).isEqualTo(4);
    assertThat(stale.json().getBoolean("success")).isFalse();

    AliyunHttp.Answer tampered = t5.get("/route/clientId/get?" + t5Query.replace("QVl%2FWzA5", "QVl%2FWzA6"));
    assertThat(tampered.status()).isEqualTo(403);
    assertThat(tampered.json().getInteger("code")).isEqualTo(2);

    // the same request signed now is answered
    AliyunHttp.Answer now = t5.routeGet("mqtt-xxxxx", "GID_Test@@@0001");
    assertThat(now.status()).isEqualTo(200);
    assertThat(now.json()).isEqualTo(ok(0));
  }

  @Test
  void timestampMoreThanFiveMinutesOffIsCode4() {
    long now = System.currentTimeMillis();
    for (long timestamp : new long[] {now - 6 * 60_000, now + 6 * 60_000}) {
      AliyunHttp.Answer answer = aliyun.api.routeGet(aliyun.demoInstance, "GID_t@@@dev2", timestamp);
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.json()).isEqualTo(error(4, answer.json().getString("message")));
      assertThat(answer.json().getString("message")).contains("timestamp");
    }
    assertThat(aliyun.api.routeGet(aliyun.demoInstance, "GID_t@@@dev2", now - 4 * 60_000).status()).isEqualTo(200);
  }

  @Test
  void changedSignatureByteIs403Code2() {
    String query = aliyun.api.routeQuery(aliyun.demoInstance, "GID_t@@@dev3", System.currentTimeMillis());
    int at = query.indexOf("signature=") + "signature=".length();
    char changed = query.charAt(at) == 'A' ? 'B' : 'A';
    String tampered = query.substring(0, at) + changed + query.substring(at + 1);
    AliyunHttp.Answer answer = aliyun.api.get("/route/clientId/get?" + tampered);
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().getInteger("code")).isEqualTo(2);
    assertThat(answer.json().getInteger("online")).isZero();
    assertThat(aliyun.api.get("/route/clientId/get?" + query).status()).isEqualTo(200);
  }

  @Test
  void signedParameterChangedAfterSigningIs403Code2() {
    String query = aliyun.api.routeQuery(aliyun.demoInstance, "GID_t@@@dev4", System.currentTimeMillis());
    AliyunHttp.Answer answer = aliyun.api.get("/route/clientId/get?" + query.replace("dev4", "dev5"));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().getInteger("code")).isEqualTo(2);
  }

  @Test
  void missingResourceIs400Code1() {
    String query = aliyun.api.routeQuery(aliyun.demoInstance, "GID_t@@@dev6", System.currentTimeMillis())
        .replaceFirst("resource=[^&]*&", "");
    AliyunHttp.Answer answer = aliyun.api.get("/route/clientId/get?" + query);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json()).isEqualTo(error(1, "missing parameter: resource"));
  }

  @Test
  void everyMissingParameterIs400Code1NamingIt() {
    String query = aliyun.api.routeQuery(aliyun.demoInstance, "GID_t@@@dev7", System.currentTimeMillis());
    for (String name : new String[] {"accessKey", "resource", "timestamp", "instanceId", "signature"}) {
      AliyunHttp.Answer answer = aliyun.api.get("/route/clientId/get?" + query.replaceFirst(name + "=[^&]*", "x=1"));
      assertThat(answer.status()).as(name).isEqualTo(400);
      assertThat(answer.json()).as(name).isEqualTo(error(1, "missing parameter: " + name));
    }
  }

  @Test
  void timestampThatIsNoNumberIs400Code1() {
    AliyunHttp.Answer answer = aliyun.api.get("/route/clientId/get?accessKey=" + aliyun.api.accessKeyId()
        + "&resource=a&timestamp=yesterday&instanceId=" + aliyun.demoInstance + "&signature=abc");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getInteger("code")).isEqualTo(1);
    assertThat(answer.json().getString("message")).contains("timestamp");
  }

  @Test
  void anotherTenantsInstanceIsCode3AlikeForAConnectedAndAnUnknownClient() {
    String clientId = "GID_t@@@mine" + AliyunNode.shortId();
    Mqtt3BlockingClient client = aliyun.mqtt3(clientId);
    client.connect();
    try {
      assertThat(aliyun.api.routeGet(aliyun.demoInstance, clientId).json()).isEqualTo(ok(1));
      AliyunHttp.Answer connected = aliyun.otherTenant.routeGet(aliyun.demoInstance, clientId);
      AliyunHttp.Answer unknown = aliyun.otherTenant.routeGet(aliyun.demoInstance, "GID_t@@@nobody");
      AliyunHttp.Answer noInstance = aliyun.otherTenant.routeGet("mqtt-none" + AliyunNode.shortId(), clientId);
      assertThat(connected.status()).isEqualTo(403);
      assertThat(connected.json().getInteger("code")).isEqualTo(3);
      assertThat(connected.json().getInteger("online")).isZero();
      assertThat(unknown.status()).isEqualTo(403);
      assertThat(unknown.body()).isEqualTo(connected.body());
      assertThat(noInstance.status()).isEqualTo(403);
      assertThat(noInstance.body()).isEqualTo(connected.body());
    } finally {
      client.disconnect();
    }
  }

  @Test
  void keyLimitedToOneInstanceIsCode3ForItsTenantsOtherInstances() {
    String sibling = "mqtt-k" + AliyunNode.shortId();
    aliyun.instance(aliyun.demoTenant, sibling);
    AliyunHttp scoped = aliyun.keyFor(aliyun.demoTenant, sibling);
    assertThat(scoped.routeGet(sibling, "GID_t@@@dev8").json()).isEqualTo(ok(0));
    AliyunHttp.Answer answer = scoped.routeGet(aliyun.demoInstance, "GID_t@@@dev8");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().getInteger("code")).isEqualTo(3);
  }

  @Test
  void unknownAccessKeyIsCode2() {
    AliyunHttp stranger = new AliyunHttp(aliyun.httpPort, "LTAInobody" + AliyunNode.shortId(), "secret");
    AliyunHttp.Answer answer = stranger.routeGet(aliyun.demoInstance, "GID_t@@@dev9");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().getInteger("code")).isEqualTo(2);
    // the same answer as a known key with a wrong secret
    AliyunHttp wrongSecret = new AliyunHttp(aliyun.httpPort, aliyun.api.accessKeyId(), "secret");
    assertThat(wrongSecret.routeGet(aliyun.demoInstance, "GID_t@@@dev9").body()).isEqualTo(answer.body());
  }

  @Test
  void disabledAndRevokedKeysAreCode2() {
    AliyunHttp disabled = aliyun.keyFor(aliyun.demoTenant, null);
    assertThat(disabled.routeGet(aliyun.demoInstance, "GID_t@@@dev11").status()).isEqualTo(200);
    AliyunNode.join(aliyun.control.credentials().update(disabled.accessKeyId(),
        new CredentialChange(null, null, true)));
    assertThat(disabled.routeGet(aliyun.demoInstance, "GID_t@@@dev11").json().getInteger("code")).isEqualTo(2);

    AliyunHttp revoked = aliyun.keyFor(aliyun.demoTenant, null);
    assertThat(revoked.routeGet(aliyun.demoInstance, "GID_t@@@dev11").status()).isEqualTo(200);
    AliyunNode.join(aliyun.control.credentials().revoke(revoked.accessKeyId()));
    assertThat(revoked.routeGet(aliyun.demoInstance, "GID_t@@@dev11").json().getInteger("code")).isEqualTo(2);
  }

  @Test
  void anotherDialectsCredentialIsCode2() {
    var tencent = AliyunNode.join(aliyun.control.credentials().issue(aliyun.demoTenant,
        io.tenantmq.control.credential.CredentialKind.TENCENT, null, "it"));
    AliyunHttp wrongKind = new AliyunHttp(aliyun.httpPort, tencent.credential().credentialId(), tencent.secret());
    assertThat(wrongKind.routeGet(aliyun.demoInstance, "GID_t@@@dev10").json().getInteger("code")).isEqualTo(2);
  }

  @Test
  void unencodedPlusInTheSignatureStillVerifies() {
    // curl users paste the Base64 signature as is; form decoding turns its '+' into a space
    for (int attempt = 0; attempt < 50; attempt++) {
      String query = aliyun.api.routeQuery(aliyun.demoInstance, "GID_t@@@plus" + attempt, System.currentTimeMillis());
      if (query.contains("%2B")) {
        AliyunHttp.Answer answer = aliyun.api.get("/route/clientId/get?" + query.replace("%2B", "+"));
        assertThat(answer.status()).isEqualTo(200);
        return;
      }
    }
    throw new AssertionError("no signature with a '+' in 50 tries");
  }

  static JsonObject ok(int online) {
    return new JsonObject().put("code", 0).put("success", true).put("online", online).put("message", "success");
  }

  static JsonObject error(int code, String message) {
    return new JsonObject().put("code", code).put("success", false).put("online", 0).put("message", message);
  }
}
