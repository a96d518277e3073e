package io.tenantmq.sdk.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientResponse;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTInstanceListRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.MQTTClientSubscription;
import io.tenantmq.signing.common.SignatureCheck;
import io.tenantmq.signing.tencent.Tc3Verifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against a real local HTTP server that captures what arrives: signature, headers, body, answers. */
class TencentStyleClientTest {

  // vector T1/T2 keys (API-NOTES §5)
  static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
  static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
  static final long T2_TIMESTAMP = 1795380132;
  static final String T2_BODY = "{\"InstanceId\":\"mqtt-2vnk55xv\",\"ClientId\":\"sub_client2\"}";

  static CaptureServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new CaptureServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TencentClientOptions options(String endpoint) {
    return new TencentClientOptions().setEndpoint(endpoint).setSecretId(SECRET_ID).setSecretKey(SECRET_KEY)
        .setRegion("ap-guangzhou");
  }

  static Clock at(long epochSeconds) {
    return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
  }

  @Test
  void serverVerifiesTheSignatureOfWhatArrived() {
    server.answer(200, "{\"Response\":{\"ClientId\":\"c1\",\"RequestId\":\"r-0\"}}");
    TencentStyleClient client = TencentStyleClient.create(options("http://127.0.0.1:" + server.port()));
    long now = Instant.now().getEpochSecond();

    client.trocket().describeMQTTClient(new DescribeMQTTClientRequest("mqtt-2vnk55xv", "sub_client2")).join();

    CaptureServer.Captured got = server.last();
    assertThat(got.method()).isEqualTo("POST");
    assertThat(got.uri()).isEqualTo("/");
    assertThat(got.header("Host")).isEqualTo("127.0.0.1:" + server.port());
    Tc3Verifier.Verification verdict = Tc3Verifier.verify(got.header("Authorization"), got.toTc3Request(), now,
        Tc3Verifier.DEFAULT_WINDOW_SECONDS, id -> SECRET_ID.equals(id) ? Optional.of(SECRET_KEY) : Optional.empty());
    assertThat(verdict.check()).isEqualTo(SignatureCheck.OK);
    assertThat(verdict.secretId()).isEqualTo(SECRET_ID);
    // the SDK's service: the endpoint's first label
    assertThat(Tc3Verifier.parse(got.header("Authorization")).orElseThrow().service()).isEqualTo("127");
  }

  @Test
  void throughAProxyTheRequestIsVectorT2ByteForByte() {
    server.answer(200, "{\"Response\":{\"RequestId\":\"r-t2\"}}");
    TencentStyleClient client = TencentStyleClient.create(options("http://127.0.0.1:18089")
        .setProxy("127.0.0.1", server.port()).setClock(at(T2_TIMESTAMP)));

    client.trocket().describeMQTTClient(new DescribeMQTTClientRequest("mqtt-2vnk55xv", "sub_client2")).join();

    CaptureServer.Captured got = server.last();
    assertThat(got.uri()).isEqualTo("http://127.0.0.1:18089/");
    assertThat(got.header("Host")).isEqualTo("127.0.0.1:18089");
    assertThat(got.bodyText()).isEqualTo(T2_BODY);
    assertThat(got.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(got.header("X-TC-Action")).isEqualTo("DescribeMQTTClient");
    assertThat(got.header("X-TC-Version")).isEqualTo("2023-03-08");
    assertThat(got.header("X-TC-Region")).isEqualTo("ap-guangzhou");
    assertThat(got.header("X-TC-Timestamp")).isEqualTo(String.valueOf(T2_TIMESTAMP));
    assertThat(got.header("Authorization")).isEqualTo("TC3-HMAC-SHA256 Credential=" + SECRET_ID
        + "/2026-11-22/127/tc3_request, SignedHeaders=content-type;host, "
        + "Signature=4719f75e33a5a7ce3770cf722764611e6922f30129dea005c46649fc3c9970a4");
  }

  @Test
  void describeMqttClientReadsEveryFieldOfTheEnvelope() {
    server.answer(200, """
        {"Response":{"ClientId":"sub_client2","ClientAddress":"10.0.0.7:52311","ProtocolVersion":4,"Keepalive":60,
         "ConnectionStatus":"CONNECTED","CreateTime":1711443908331,"ConnectTime":1711443908331,"DisconnectTime":0,
         "MQTTClientSubscriptions":[{"TopicFilter":"home/#","Qos":1}],
         "Inbound":{"Bytes":40,"Items":[{"MessageType":"CONNACK","Qos":0,"Count":1},{"MessageType":"SUBACK","Qos":0,"Count":1}]},
         "OutBound":{"Bytes":134,"Items":[{"MessageType":"CONNECT","Qos":0,"Count":1},{"MessageType":"PINGREQ","Qos":0,"Count":14}]},
         "CleanSession":true,"SomethingNewer":"ignored","RequestId":"b5b41468"}}""");
    TencentStyleClient client = TencentStyleClient.create(options("http://127.0.0.1:" + server.port()));

    DescribeMQTTClientResponse r = client.trocket()
        .describeMQTTClient(new DescribeMQTTClientRequest("mqtt-2vnk55xv", "sub_client2")).join();

    assertThat(r.clientId()).isEqualTo("sub_client2");
    assertThat(r.clientAddress()).isEqualTo("10.0.0.7:52311");
    assertThat(r.protocolVersion()).isEqualTo(4L);
    assertThat(r.keepalive()).isEqualTo(60L);
    assertThat(r.connectionStatus()).isEqualTo("CONNECTED");
    assertThat(r.createTime()).isEqualTo(1711443908331L);
    assertThat(r.connectTime()).isEqualTo(1711443908331L);
    assertThat(r.disconnectTime()).isZero();
    assertThat(r.mqttClientSubscriptions()).containsExactly(new MQTTClientSubscription("home/#", 1L));
    assertThat(r.inbound().bytes()).isEqualTo(40L);
    assertThat(r.inbound().count("SUBACK")).isEqualTo(1);
    assertThat(r.outBound().bytes()).isEqualTo(134L);
    assertThat(r.outBound().count("PINGREQ")).isEqualTo(14);
    assertThat(r.cleanSession()).isTrue();
    assertThat(r.requestId()).isEqualTo("b5b41468");
  }

  @Test
  void errorEnvelopeBecomesTencentApiExceptionWithCodeMessageAndRequestId() {
    // vector T7
    server.answer(200, "{\"Response\":{\"Error\":{\"Code\":\"ResourceNotFound.Client\",\"Message\":\"client not found\"},"
        + "\"RequestId\":\"r-1\"}}");
    TencentStyleClient client = TencentStyleClient.create(options("http://127.0.0.1:" + server.port()));

    assertThatThrownBy(() -> client.trocket().describeMQTTClient(new DescribeMQTTClientRequest("x", "nope")).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(TencentApiException.class, e -> {
          assertThat(e.code()).isEqualTo("ResourceNotFound.Client");
          assertThat(e.getMessage()).isEqualTo("client not found");
          assertThat(e.requestId()).isEqualTo("r-1");
        });
  }

  @Test
  void non200StatusIsServerSideErrorAsInTheSdk() {
    server.answer(502, "<html>bad gateway</html>");
    TencentStyleClient client = TencentStyleClient.create(options("http://127.0.0.1:" + server.port()));

    assertThatThrownBy(() -> client.trocket().describeMQTTClient(new DescribeMQTTClientRequest("x", "y")).join())
        .cause()
        .isInstanceOfSatisfying(TencentApiException.class, e -> {
          assertThat(e.code()).isEqualTo(TencentApiException.SERVER_SIDE_ERROR);
          assertThat(e.getMessage()).isEqualTo("response code is 502, not 200");
        });
  }

  @Test
  void answerWithoutEnvelopeIsClientSideError() {
    server.answer(200, "{\"code\":0}");
    TencentStyleClient client = TencentStyleClient.create(options("http://127.0.0.1:" + server.port()));

    assertThatThrownBy(() -> client.trocket().describeMQTTClient(new DescribeMQTTClientRequest("x", "y")).join())
        .cause()
        .isInstanceOfSatisfying(TencentApiException.class,
            e -> assertThat(e.code()).isEqualTo(TencentApiException.CLIENT_SIDE_ERROR));
  }

  @Test
  void optionalParametersAreLeftOutAndNamesArePascalCase() {
    server.answer(200, "{\"Response\":{\"TotalCount\":0,\"Data\":[],\"RequestId\":\"r-2\"}}");
    TencentStyleClient client = TencentStyleClient.create(options("http://127.0.0.1:" + server.port()));

    var list = client.trocket().describeMQTTInstanceList(
        new DescribeMQTTInstanceListRequest(List.of(Filter.of("InstanceName", "demo")), null, 20L, null)).join();

    assertThat(server.last().bodyText())
        .isEqualTo("{\"Filters\":[{\"Name\":\"InstanceName\",\"Values\":[\"demo\"]}],\"Limit\":20}");
    assertThat(list.totalCount()).isZero();
    assertThat(list.requestId()).isEqualTo("r-2");
  }
}
