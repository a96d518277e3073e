package io.tenantmq.gateway.tencent;

import static io.tenantmq.gateway.tencent.GatewayFixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.GatewayOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests exactly as the official SDK 3.1.1481 sent them (API-NOTES T2: headers, body bytes, signatures captured on
 * the wire, keys of T1), replayed byte for byte over a socket to a server whose clock is pinned to their timestamp.
 * The server must accept the SDK's signatures, service {@code 127} or {@code localhost:18089} alike, and reject them
 * once altered or out of the window.
 */
class SdkCapturedRequestTest {

  static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
  static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
  static final String BODY_1 = "{\"InstanceId\":\"mqtt-2vnk55xv\",\"ClientId\":\"sub_client2\"}";
  static final String SIG_ROW_1 = "4719f75e33a5a7ce3770cf722764611e6922f30129dea005c46649fc3c9970a4";
  static final String SIG_ROW_2 = "fa4ebcce6f46e897535aa1bf4299ba3c42bc6837aa4e4cc232c49022c43e379d";
  static final String SIG_ROW_3 = "5a1ba6e7dd50bba477a8b2dd0b3d05ba60232917703af5bf9e28e67ba5284963";

  static GatewayFixture gw;
  static HttpServer pinned;
  static HttpServer late;

  @BeforeAll
  static void start() throws Exception {
    gw = new GatewayFixture(new GatewayOptions());
    gw.tenantWithInstance("tenant-t2", "mqtt-2vnk55xv");
    assertThat(join(gw.control.credentials().importCredential(SECRET_ID, SECRET_KEY, "tenant-t2",
        CredentialKind.TENCENT, null, "T1 keys"))).isTrue();
    pinned = server(Clock.fixed(Instant.ofEpochSecond(1795380132L), ZoneOffset.UTC));
    late = server(Clock.fixed(Instant.ofEpochSecond(1795380133L + 301), ZoneOffset.UTC));
  }

  static HttpServer server(Clock clock) throws Exception {
    Router router = Router.router(gw.vertx);
    TencentApi.mount(router, new GatewayContext(gw.vertx, gw.control, "node-test", new GatewayOptions()), clock);
    return gw.vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    pinned.close();
    late.close();
    gw.close();
  }

  @Test
  void sdkRequestForServiceOfAnIpEndpointIsAccepted() throws Exception {
    JsonObject r = replay(pinned, "127.0.0.1:18089", 1795380132L, "2026-11-22/127", SIG_ROW_1, BODY_1);
    // authenticated and dispatched: the instance is the credential's, the client is simply not connected
    assertThat(r.getJsonObject("Error").getString("Code")).isEqualTo("ResourceNotFound.Client");
  }

  @Test
  void sdkRequestForServiceOfAHostNameEndpointIsAccepted() throws Exception {
    JsonObject r = replay(pinned, "localhost:18089", 1795380133L, "2026-11-22/localhost:18089", SIG_ROW_2, BODY_1);
    assertThat(r.getJsonObject("Error").getString("Code")).isEqualTo("ResourceNotFound.Client");
  }

  @Test
  void sdkRequestForAMissingInstanceIsResourceNotFoundInstance() throws Exception {
    JsonObject r = replay(pinned, "127.0.0.1:18089", 1795380132L, "2026-11-22/127", SIG_ROW_3,
        "{\"InstanceId\":\"x\",\"ClientId\":\"nope\"}");
    assertThat(r.getJsonObject("Error").getString("Code")).isEqualTo("ResourceNotFound.Instance");
  }

  @Test
  void alteredHostBodyOrSignatureIsSignatureFailure() throws Exception {
    assertThat(code(replay(pinned, "127.0.0.1:18090", 1795380132L, "2026-11-22/127", SIG_ROW_1, BODY_1)))
        .isEqualTo("AuthFailure.SignatureFailure");
    assertThat(code(replay(pinned, "127.0.0.1:18089", 1795380132L, "2026-11-22/127", SIG_ROW_1,
        BODY_1.replace("sub_client2", "sub_client3")))).isEqualTo("AuthFailure.SignatureFailure");
    assertThat(code(replay(pinned, "127.0.0.1:18089", 1795380132L, "2026-11-22/127",
        SIG_ROW_1.replace('4', '5'), BODY_1))).isEqualTo("AuthFailure.SignatureFailure");
  }

  @Test
  void sameRequestMoreThanFiveMinutesLaterIsSignatureExpire() throws Exception {
    assertThat(code(replay(late, "127.0.0.1:18089", 1795380132L, "2026-11-22/127", SIG_ROW_1, BODY_1)))
        .isEqualTo("AuthFailure.SignatureExpire");
  }

  static String code(JsonObject response) {
    return response.getJsonObject("Error").getString("Code");
  }

  /** The request's bytes as the SDK wrote them (API-NOTES §1.10), with the given Host header. */
  static JsonObject replay(HttpServer server, String host, long timestamp, String scope, String signature,
                           String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST / HTTP/1.1\r\n"
        + "Host: " + host + "\r\n"
        + "Authorization: TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/" + scope + "/tc3_request, "
        + "SignedHeaders=content-type;host, Signature=" + signature + "\r\n"
        + "X-TC-Action: DescribeMQTTClient\r\n"
        + "X-TC-Timestamp: " + timestamp + "\r\n"
        + "X-TC-Version: 2023-03-08\r\n"
        + "X-TC-RequestClient: SDK_JAVA_3.1.1481\r\n"
        + "X-TC-Region: ap-guangzhou\r\n"
        + "Content-Type: application/json; charset=utf-8\r\n"
        + "Content-Length: " + bytes.length + "\r\n"
        + "Connection: close\r\n"
        + "Accept-Encoding: identity\r\n"
        + "User-Agent: okhttp/3.12.13\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 200");
      return new JsonObject(response.substring(response.indexOf("\r\n\r\n") + 4)).getJsonObject("Response");
    }
  }
}
