package io.tenantmq.gateway.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.control.testing.EmbeddedMember;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.GatewayOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /route/clientId/get} with the server's clock pinned, so vector T5's recorded query (API-NOTES, timestamp
 * 1711444795304) is answered as it was the day it was made, and the ±5 minute window is checked at its edges.
 */
class RouteClientIdGetClockTest {

  static final long T5_TIMESTAMP = 1711444795304L;
  static final String T5_QUERY = "accessKey=YYYYY&resource=GID_Test%40%40%400001&timestamp=1711444795304"
      + "&instanceId=mqtt-xxxxx&signature=QVl%2FWzA5WVA%2B6Ezq9jQwORKPA7M%3D";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static EmbeddedMember member;
  static Vertx vertx;
  static HttpServer server;
  static final SettableClock CLOCK = new SettableClock();

  @BeforeAll
  static void start() throws Exception {
    member = new EmbeddedMember("node-aliyun-clock");
    join(member.control.tenants().createTenantIfAbsent(new Tenant("tenant-t5", "t5", 0)));
    join(member.control.tenants().createInstanceIfAbsent(new Instance("mqtt-xxxxx", "tenant-t5", "t5", false, 0)));
    join(member.control.credentials().importCredential("YYYYY", "XXXXX", "tenant-t5", CredentialKind.ALIYUN, null,
        "T5"));
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    AliyunApi.mount(router, new GatewayContext(vertx, member.control, "node-aliyun-clock", new GatewayOptions()),
        CLOCK);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
    if (member != null) {
      member.close();
    }
  }

  @Test
  void vectorT5IsAnsweredOnTheDayItWasSigned() throws Exception {
    CLOCK.millis = T5_TIMESTAMP + 1_000;
    HttpResponse<String> response = get(T5_QUERY);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject().put("code", 0).put("success", true)
        .put("online", 0).put("message", "success"));
  }

  @Test
  void windowIsFiveMinutesEachWayInclusive() throws Exception {
    CLOCK.millis = T5_TIMESTAMP + RouteClientIdGet.WINDOW_MILLIS;
    assertThat(get(T5_QUERY).statusCode()).isEqualTo(200);
    CLOCK.millis = T5_TIMESTAMP - RouteClientIdGet.WINDOW_MILLIS;
    assertThat(get(T5_QUERY).statusCode()).isEqualTo(200);

    CLOCK.millis = T5_TIMESTAMP + RouteClientIdGet.WINDOW_MILLIS + 1;
    HttpResponse<String> late = get(T5_QUERY);
    assertThat(late.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(late.body()).getInteger("code")).isEqualTo(4);
    CLOCK.millis = T5_TIMESTAMP - RouteClientIdGet.WINDOW_MILLIS - 1;
    assertThat(new JsonObject(get(T5_QUERY).body()).getInteger("code")).isEqualTo(4);
  }

  @Test
  void everySignatureByteMattersOnTheDay() throws Exception {
    CLOCK.millis = T5_TIMESTAMP;
    String signature = "QVl/WzA5WVA+6Ezq9jQwORKPA7M=";
    for (int i = 0; i < signature.length() - 1; i++) {
      char changed = signature.charAt(i) == 'A' ? 'B' : 'A';
      String tampered = signature.substring(0, i) + changed + signature.substring(i + 1);
      HttpResponse<String> response = get(T5_QUERY.replace("QVl%2FWzA5WVA%2B6Ezq9jQwORKPA7M%3D",
          java.net.URLEncoder.encode(tampered, java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(response.statusCode()).as("byte %d", i).isEqualTo(403);
      assertThat(new JsonObject(response.body()).getInteger("code")).as("byte %d", i).isEqualTo(2);
    }
  }

  private static HttpResponse<String> get(String query) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort()
        + "/route/clientId/get?" + query)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static <T> T join(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** A clock the tests set; requests read it on the event loop, hence volatile. */
  static final class SettableClock extends Clock {
    volatile long millis;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
      return millis;
    }
  }
}
