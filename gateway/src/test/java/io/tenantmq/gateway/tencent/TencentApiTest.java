package io.tenantmq.gateway.tencent;

import static io.tenantmq.gateway.tencent.GatewayFixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.map.IMap;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.credential.Credential;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.ClientState;
import io.tenantmq.control.registry.PacketCounter;
import io.tenantmq.control.registry.TrafficCounters;
import io.tenantmq.control.topic.MqttTopic;
import io.tenantmq.gateway.GatewayOptions;
import io.tenantmq.gateway.tencent.SignedClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Tencent API's framework over a real gateway and control plane: authentication, dispatch, envelope, errors. */
class TencentApiTest {

  static final String V = "2023-03-08";
  static GatewayFixture gw;
  static SignedClient client;
  static IssuedCredential credential;

  @BeforeAll
  static void start() throws Exception {
    gw = new GatewayFixture(new GatewayOptions().setTencentActionRateLimit("DescribeMQTTTopic", 1));
    gw.tenantWithInstance("tenant-a", "mqtt-a1");
    gw.tenantWithInstance("tenant-b", "mqtt-b1");
    credential = gw.credential("tenant-a", null);
    client = new SignedClient(gw.port(), credential.credential().credentialId(), credential.secret());
    long[] received = new long[PacketCounter.size()];
    long[] sent = new long[PacketCounter.size()];
    received[PacketCounter.CONNECT.ordinal()] = 1;
    received[PacketCounter.PUBLISH_QOS1.ordinal()] = 3;
    received[PacketCounter.BYTES.ordinal()] = 134;
    sent[PacketCounter.CONNACK.ordinal()] = 1;
    sent[PacketCounter.PUBLISH_QOS2.ordinal()] = 2;
    sent[PacketCounter.BYTES.ordinal()] = 40;
    join(gw.control.registry().connect(new ClientRecord("mqtt-a1", "dev-1", "node-test", "c".repeat(32),
        "10.0.0.7:50123", 4, 60, false, 0, null, null, ClientState.DISCONNECTED, 1_000L, 2_000L, 3_000L,
        Map.of("a/+", 1, "b/#", 0), new TrafficCounters(received, sent))));
    join(gw.control.registry().connect(new ClientRecord("mqtt-b1", "dev-b", "node-test", "d".repeat(32),
        "10.0.0.8:1", 5, 30, true, 0, null, null, ClientState.CONNECTED, 1L, 1L, 0L, Map.of(), null)));
  }

  @AfterAll
  static void stop() throws Exception {
    gw.close();
  }

  static String describe(String instanceId, String clientId) {
    return new JsonObject().put("InstanceId", instanceId).put("ClientId", clientId).encode();
  }

  @Test
  void describeClientAnswersEveryFieldInTheSuccessEnvelope() {
    Reply reply = client.post("DescribeMQTTClient", V, describe("mqtt-a1", "dev-1"));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().fieldNames()).containsExactly("Response");
    JsonObject r = reply.response();
    assertThat(r.containsKey("Error")).isFalse();
    assertThat(r.getString("ClientId")).isEqualTo("dev-1");
    assertThat(r.getString("ClientAddress")).isEqualTo("10.0.0.7:50123");
    assertThat(r.getLong("ProtocolVersion")).isEqualTo(4);
    assertThat(r.getLong("Keepalive")).isEqualTo(60);
    assertThat(r.getString("ConnectionStatus")).isEqualTo("DISCONNECTED");
    assertThat(r.getLong("CreateTime")).isEqualTo(1_000L);
    assertThat(r.getLong("ConnectTime")).isEqualTo(2_000L);
    assertThat(r.getLong("DisconnectTime")).isEqualTo(3_000L);
    assertThat(r.getBoolean("CleanSession")).isFalse();
    assertThat(r.getJsonArray("MQTTClientSubscriptions")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("TopicFilter", "a/+").put("Qos", 1))
        .add(new JsonObject().put("TopicFilter", "b/#").put("Qos", 0)));
    assertThat(r.getJsonObject("Inbound")).isEqualTo(new JsonObject().put("Bytes", 40).put("Items", new JsonArray()
        .add(item("CONNACK", 0, 1)).add(item("PUBLISH", 2, 2))));
    assertThat(r.getJsonObject("OutBound")).isEqualTo(new JsonObject().put("Bytes", 134).put("Items", new JsonArray()
        .add(item("CONNECT", 0, 1)).add(item("PUBLISH", 1, 3))));
    assertThat(List.copyOf(r.fieldNames())).last().isEqualTo("RequestId");
    assertThat(r.getString("RequestId")).matches("[0-9a-f-]{36}");
  }

  static JsonObject item(String type, int qos, long count) {
    return new JsonObject().put("MessageType", type).put("Qos", qos).put("Count", count);
  }

  @Test
  void everyCallGetsAFreshRequestId() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      ids.add(client.post("DescribeMQTTClient", V, describe("mqtt-a1", "nope")).requestId());
      ids.add(client.post("DescribeMQTTClient", V, describe("mqtt-a1", "dev-1")).requestId());
    }
    assertThat(ids).hasSize(6);
  }

  @Test
  void missingClientIsResourceNotFoundClient() {
    Reply reply = client.post("DescribeMQTTClient", V, describe("mqtt-a1", "nope"));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.errorCode()).isEqualTo("ResourceNotFound.Client");
    assertThat(reply.errorMessage()).contains("nope");
    assertThat(reply.response().fieldNames()).containsExactly("Error", "RequestId");
  }

  @Test
  void anotherTenantsInstanceLooksExactlyLikeAMissingOne() {
    Reply foreign = client.post("DescribeMQTTClient", V, describe("mqtt-b1", "dev-b"));
    Reply missing = client.post("DescribeMQTTClient", V, describe("mqtt-zz", "dev-b"));
    assertThat(foreign.status()).isEqualTo(200);
    assertThat(foreign.errorCode()).isEqualTo("ResourceNotFound.Instance").isEqualTo(missing.errorCode());
    assertThat(foreign.errorMessage().replace("mqtt-b1", "ID")).isEqualTo(missing.errorMessage().replace("mqtt-zz", "ID"));
    assertThat(foreign.response().fieldNames()).isEqualTo(missing.response().fieldNames());
  }

  @Test
  void credentialLimitedToOneInstanceSeesNoOther() {
    gw.tenantWithInstance("tenant-a", "mqtt-a2");
    IssuedCredential scoped = gw.credential("tenant-a", "mqtt-a2");
    SignedClient limited = new SignedClient(gw.port(), scoped.credential().credentialId(), scoped.secret());
    assertThat(limited.post("DescribeMQTTClient", V, describe("mqtt-a1", "dev-1")).errorCode())
        .isEqualTo("ResourceNotFound.Instance");
    assertThat(limited.post("DescribeMQTTClient", V, describe("mqtt-a2", "dev-1")).errorCode())
        .isEqualTo("ResourceNotFound.Client");
  }

  @Test
  void wrongSecretIsSignatureFailure() {
    SignedClient wrong = new SignedClient(gw.port(), credential.credential().credentialId(), "not-the-secret");
    Reply reply = wrong.post("DescribeMQTTClient", V, describe("mqtt-a1", "dev-1"));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.errorCode()).isEqualTo("AuthFailure.SignatureFailure");
  }

  @Test
  void tamperedBodyIsSignatureFailure() {
    String signedBody = describe("mqtt-a1", "dev-1");
    long ts = System.currentTimeMillis() / 1000;
    String auth = client.authorization("POST", "", signedBody.getBytes(), SignedClient.JSON, ts);
    Reply reply = SignedClient.send(HttpRequest.newBuilder(URI.create("http://" + client.host() + "/"))
            .POST(HttpRequest.BodyPublishers.ofString(describe("mqtt-a1", "dev-2"))), "DescribeMQTTClient", V,
        SignedClient.JSON, ts, auth);
    assertThat(reply.errorCode()).isEqualTo("AuthFailure.SignatureFailure");
  }

  @Test
  void timestampOlderThanFiveMinutesIsSignatureExpire() {
    long old = System.currentTimeMillis() / 1000 - 301;
    Reply reply = client.post("DescribeMQTTClient", V, describe("mqtt-a1", "dev-1"), old);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.errorCode()).isEqualTo("AuthFailure.SignatureExpire");
  }

  @Test
  void unknownSecretIdIsSecretIdNotFound() {
    SignedClient unknown = new SignedClient(gw.port(), "AKIDunknownunknownunknownunknown12", "whatever");
    assertThat(unknown.post("DescribeMQTTClient", V, describe("mqtt-a1", "dev-1")).errorCode())
        .isEqualTo("AuthFailure.SecretIdNotFound");
  }

  @Test
  void nonTencentCredentialIsSecretIdNotFound() {
    IssuedCredential aliyun = join(gw.control.credentials().issue("tenant-a", CredentialKind.ALIYUN, null, "x"));
    SignedClient other = new SignedClient(gw.port(), aliyun.credential().credentialId(), aliyun.secret());
    assertThat(other.post("DescribeMQTTClient", V, describe("mqtt-a1", "dev-1")).errorCode())
        .isEqualTo("AuthFailure.SecretIdNotFound");
  }

  @Test
  void missingOrMalformedAuthorizationIsInvalidAuthorization() {
    long ts = System.currentTimeMillis() / 1000;
    for (String auth : new String[] {null, "Basic abc", "TC3-HMAC-SHA256 Credential=x"}) {
      Reply reply = SignedClient.send(HttpRequest.newBuilder(URI.create("http://" + client.host() + "/"))
              .POST(HttpRequest.BodyPublishers.ofString("{}")), "DescribeMQTTClient", V, SignedClient.JSON, ts, auth);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.errorCode()).isEqualTo("AuthFailure.InvalidAuthorization");
    }
  }

  @Test
  void unknownActionIsInvalidActionAndOtherVersionIsNoSuchVersion() {
    assertThat(client.post("DescribeEverything", V, "{}").errorCode()).isEqualTo("InvalidAction");
    Reply other = client.post("DescribeMQTTClient", "2019-01-01", describe("mqtt-a1", "dev-1"));
    assertThat(other.errorCode()).isEqualTo("NoSuchVersion");
    assertThat(other.errorMessage()).contains("2019-01-01");
  }

  @Test
  void missingActionHeaderIsMissingParameter() {
    assertThat(client.post(null, V, "{}").errorCode()).isEqualTo("MissingParameter");
  }

  @Test
  void parameterErrorsHaveTheirOwnCodes() {
    assertThat(client.post("DescribeMQTTClient", V, "{\"InstanceId\":\"mqtt-a1\"}").errorMessage())
        .contains("`ClientId`");
    assertThat(client.post("DescribeMQTTClient", V, "{\"InstanceId\":\"mqtt-a1\"}").errorCode())
        .isEqualTo("MissingParameter");
    Reply wrongType = client.post("DescribeMQTTClient", V, "{\"InstanceId\":\"mqtt-a1\",\"ClientId\":7}");
    assertThat(wrongType.errorCode()).isEqualTo("InvalidParameterValue");
    assertThat(wrongType.errorMessage()).contains("`ClientId`").contains("string");
    Reply unknown = client.post("DescribeMQTTClient", V,
        "{\"InstanceId\":\"mqtt-a1\",\"ClientId\":\"dev-1\",\"Colour\":\"red\"}");
    assertThat(unknown.errorCode()).isEqualTo("UnknownParameter");
    assertThat(unknown.errorMessage()).contains("`Colour`");
    assertThat(client.post("DescribeMQTTClient", V, "[1,2]").errorCode()).isEqualTo("InvalidParameter");
    assertThat(client.post("DescribeMQTTClient", V, "{not json").errorCode()).isEqualTo("InvalidParameter");
  }

  @Test
  void formEncodedGetIsServedLikeAPost() {
    Reply reply = client.get("DescribeMQTTClient", V, "InstanceId=mqtt-a1&ClientId=dev-1");
    assertThat(reply.errorCode()).isNull();
    assertThat(reply.response().getString("ClientAddress")).isEqualTo("10.0.0.7:50123");
  }

  @Test
  void formEncodedGetNestsFiltersAndReadsIntegers() {
    join(gw.control.topics().create(new MqttTopic("mqtt-a1", "door/1", "front", 0, 0)));
    join(gw.control.topics().create(new MqttTopic("mqtt-a1", "window/1", "", 0, 0)));
    Reply reply = client.get("DescribeMQTTTopicList", V,
        "InstanceId=mqtt-a1&Limit=10&Filters.0.Name=TopicName&Filters.0.Values.0=DOOR");
    assertThat(reply.errorCode()).isNull();
    assertThat(reply.response().getLong("TotalCount")).isEqualTo(1);
    assertThat(reply.response().getJsonArray("Data").getJsonObject(0).getString("Remark")).isEqualTo("front");
    assertThat(client.get("DescribeMQTTTopicList", V, "InstanceId=mqtt-a1&Limit=ten").errorCode())
        .isEqualTo("InvalidParameterValue");
  }

  @Test
  void otherMethodsAreUnsupportedProtocol() throws Exception {
    HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://" + client.host() + "/")).PUT(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(put.body()).getJsonObject("Response").getJsonObject("Error").getString("Code"))
        .isEqualTo("UnsupportedProtocol");
  }

  @Test
  void bodyOverTenMegabytesIsRequestSizeLimitExceeded() {
    String huge = "{\"InstanceId\":\"" + "x".repeat((int) TencentApi.MAX_BODY_BYTES) + "\"}";
    Reply reply = client.post("DescribeMQTTClient", V, huge);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.errorCode()).isEqualTo("RequestSizeLimitExceeded");
  }

  @Test
  void secretThatCannotBeOpenedIsAnInternalErrorWithARequestId() {
    IMap<String, Credential> credentials = gw.hazelcast.getMap(MapNames.CREDENTIALS);
    credentials.put("AKIDbroken", new Credential("AKIDbroken", "tenant-a", CredentialKind.TENCENT, null,
        "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "", 0));
    Reply reply = new SignedClient(gw.port(), "AKIDbroken", "x").post("DescribeMQTTClient", V, "{}");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.errorCode()).isEqualTo("InternalError");
    assertThat(reply.requestId()).isNotBlank();
  }

  @Test
  void moreThanTheLimitPerSecondIsRequestLimitExceeded() {
    // DescribeMQTTTopic is limited to 1 call per second in this gateway: ten calls cannot all pass in under 9 s
    IssuedCredential busy = gw.credential("tenant-a", null);
    SignedClient burst = new SignedClient(gw.port(), busy.credential().credentialId(), busy.secret());
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      codes.add(String.valueOf(burst.post("DescribeMQTTTopic", V, "{\"InstanceId\":\"mqtt-a1\",\"Topic\":\"t\"}")
          .errorCode()));
    }
    assertThat(codes.get(0)).isEqualTo("ResourceNotFound.Topic");
    assertThat(codes).contains("RequestLimitExceeded").containsOnly("ResourceNotFound.Topic", "RequestLimitExceeded");
    Reply limited = burst.post("DescribeMQTTTopic", V, "{}");
    if ("RequestLimitExceeded".equals(limited.errorCode())) {
      assertThat(limited.errorMessage()).contains("DescribeMQTTTopic").contains("1 per second");
    }
    // another credential's bucket, and another action's, are untouched
    SignedClient other = new SignedClient(gw.port(), credential.credential().credentialId(), credential.secret());
    assertThat(other.post("DescribeMQTTTopic", V, "{\"InstanceId\":\"mqtt-a1\",\"Topic\":\"t\"}").errorCode())
        .isEqualTo("ResourceNotFound.Topic");
    assertThat(burst.post("DescribeMQTTClient", V, describe("mqtt-a1", "dev-1")).errorCode()).isNull();
  }
}
