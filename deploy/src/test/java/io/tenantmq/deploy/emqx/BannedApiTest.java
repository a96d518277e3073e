package io.tenantmq.deploy.emqx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.tenantmq.control.user.MqttUser;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v5/banned} through the product's HTTP API with EMQX's shapes and errors. Bans are instance-wide, so each
 * test bans names of its own (a RUN prefix plus the test's tag) and lists with a filter on them.
 */
class BannedApiTest {

  static final String RFC3339_SECONDS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d";

  @TempDir
  static Path dataDir;
  static EmqxNode emqx;
  static final String RUN = EmqxNode.shortId();

  @BeforeAll
  static void start() throws Exception {
    emqx = new EmqxNode(dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    emqx.close();
  }

  static EmqxHttp.Answer ban(EmqxHttp api, String as, String who) {
    return api.post("/api/v5/banned", Map.of("as", as, "who", who));
  }

  static JsonObject list(String query) {
    EmqxHttp.Answer answer = emqx.api.get("/api/v5/banned?" + query);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.object();
  }

  static List<String> whos(String query) {
    return list(query).getJsonArray("data").stream().map(o -> ((JsonObject) o).getString("who")).toList();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static void assertError(EmqxHttp.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.object().getString("code")).as(answer.body()).isEqualTo(code);
  }

  @Test
  void createdBanIsListedWithEmqxDefaultsAndDeletedWith204() {
    String who = "create-" + RUN;
    long before = System.currentTimeMillis() / 1000;
    EmqxHttp.Answer created = ban(emqx.api, "clientid", who);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    JsonObject ban = created.object();
    assertThat(ban.fieldNames()).containsExactlyInAnyOrder("as", "who", "by", "reason", "at", "until");
    assertThat(ban.getString("as")).isEqualTo("clientid");
    assertThat(ban.getString("who")).isEqualTo(who);
    assertThat(ban.getString("by")).isEqualTo("mgmt_api");
    assertThat(ban.getString("reason")).isEmpty();
    assertThat(ban.getString("until")).isEqualTo("infinity");
    assertThat(ban.getString("at")).matches(RFC3339_SECONDS);
    assertThat(OffsetDateTime.parse(ban.getString("at")).toEpochSecond()).isBetween(before,
        System.currentTimeMillis() / 1000);

    JsonObject listed = list("clientid=" + who);
    assertThat(listed.getJsonArray("data")).containsExactly(ban);
    assertThat(listed.getJsonObject("meta")).isEqualTo(new JsonObject().put("page", 1).put("limit", 100)
        .put("count", 1).put("hasnext", false));

    EmqxHttp.Answer deleted = emqx.api.delete("/api/v5/banned/clientid/" + who);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(list("clientid=" + who).getJsonArray("data")).isEmpty();
    EmqxHttp.Answer again = emqx.api.delete("/api/v5/banned/clientid/" + who);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.object()).isEqualTo(new JsonObject().put("code", "NOT_FOUND")
        .put("message", "clientid: " + who + " not found"));
  }

  @Test
  void givenFieldsAndTimesAreKeptInEitherTimeForm() {
    long at = OffsetDateTime.parse("2030-01-02T03:04:05+08:00").toEpochSecond();
    JsonObject body = new JsonObject().put("as", "username").put("who", "times-" + RUN).put("by", "ops")
        .put("reason", "too chatty").put("at", "2030-01-02T03:04:05+08:00").put("until", at + 3600);
    EmqxHttp.Answer created = emqx.api.post("/api/v5/banned", body);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    JsonObject ban = created.object();
    assertThat(ban.getString("by")).isEqualTo("ops");
    assertThat(ban.getString("reason")).isEqualTo("too chatty");
    assertThat(OffsetDateTime.parse(ban.getString("at")).toEpochSecond()).isEqualTo(at);
    assertThat(OffsetDateTime.parse(ban.getString("until")).toEpochSecond()).isEqualTo(at + 3600);
    assertThat(ban.getString("until")).matches(RFC3339_SECONDS);
    assertThat(list("username=times-" + RUN).getJsonArray("data")).containsExactly(ban);
    // epoch seconds as text, and "infinity" spelled out
    EmqxHttp.Answer textual = emqx.api.post("/api/v5/banned", new JsonObject().put("as", "username")
        .put("who", "times2-" + RUN).put("at", Long.toString(at)).put("until", "infinity"));
    assertThat(textual.status()).as(textual.body()).isEqualTo(200);
    assertThat(OffsetDateTime.parse(textual.object().getString("at")).toEpochSecond()).isEqualTo(at);
    assertThat(textual.object().getString("until")).isEqualTo("infinity");
  }

  @Test
  void banningTheSameWhoTwiceIs400AlreadyExistsWithTheExistingBan() {
    String who = "twice-" + RUN;
    JsonObject first = ban(emqx.api, "clientid", who).object();
    EmqxHttp.Answer second = emqx.api.post("/api/v5/banned", new JsonObject().put("as", "clientid").put("who", who)
        .put("reason", "other"));
    assertError(second, 400, "ALREADY_EXISTS");
    assertThat(new JsonObject(second.object().getString("message"))).isEqualTo(first);
    assertThat(list("clientid=" + who).getJsonArray("data")).containsExactly(first);
  }

  @Test
  void addressesAndNetworksAreKeptInCanonicalForm() {
    JsonObject net = ban(emqx.api, "peerhost_net", "10.77.3.4/16").object();
    assertThat(net.getString("who")).isEqualTo("10.77.0.0/16");
    JsonObject host = ban(emqx.api, "peerhost", "0:0:0:0:0:0:0:77").object();
    assertThat(host.getString("who")).isEqualTo("::77");
    // the same ban written another way is the same ban
    assertError(ban(emqx.api, "peerhost_net", "10.77.200.1/16"), 400, "ALREADY_EXISTS");
    assertThat(whos("peerhost=::77")).containsExactly("::77");
    assertThat(emqx.api.delete("/api/v5/banned/peerhost_net/" + enc("10.77.0.0/16")).status()).isEqualTo(204);
    assertThat(emqx.api.delete("/api/v5/banned/peerhost/" + enc("0::77")).status()).isEqualTo(204);
    assertThat(whos("like_peerhost_net=10%5C.77")).isEmpty();
  }

  @Test
  void filtersFindExactAndRegexMatchesOfTheirKinds() {
    String tag = "flt" + RUN;
    ban(emqx.api, "clientid", tag + "-a");
    ban(emqx.api, "clientid_re", "^" + tag + "-re.*");
    ban(emqx.api, "username", tag + "-user");
    ban(emqx.api, "peerhost_net", "192.0.2.0/24");
    assertThat(whos("clientid=" + tag + "-a")).containsExactly(tag + "-a");
    assertThat(whos("clientid=" + tag + "-re")).isEmpty();
    assertThat(whos("like_clientid=" + tag)).containsExactly(tag + "-a", "^" + tag + "-re.*");
    assertThat(whos("like_username=" + tag)).containsExactly(tag + "-user");
    assertThat(whos("_like_username=" + tag)).containsExactly(tag + "-user");
    assertThat(whos("like_peerhost_net=" + enc("^192\\.0\\.2\\."))).containsExactly("192.0.2.0/24");
    assertThat(whos("like_peerhost=" + enc("^192\\.0\\.2\\."))).isEmpty();
    assertError(emqx.api.get("/api/v5/banned?clientid=x&like_username=y"), 400, "BAD_REQUEST");
    assertThat(emqx.api.get("/api/v5/banned?clientid=x&like_username=y").object().getString("message"))
        .isEqualTo("too_many_filters");
    assertError(emqx.api.get("/api/v5/banned?like_clientid=" + enc("(unclosed")), 400, "BAD_REQUEST");
    assertError(emqx.api.get("/api/v5/banned?peerhost=not-an-ip"), 400, "BAD_REQUEST");
  }

  @Test
  void pagesWalkTheBansOldestFirst() {
    String tag = "pg" + RUN;
    for (int i = 0; i < 5; i++) {
      ban(emqx.api, "clientid", tag + "-" + i);
    }
    JsonObject first = list("like_clientid=" + tag + "&limit=2");
    assertThat(first.getJsonObject("meta")).isEqualTo(new JsonObject().put("page", 1).put("limit", 2).put("count", 5)
        .put("hasnext", true));
    JsonObject last = list("like_clientid=" + tag + "&_limit=2&_page=3");
    assertThat(last.getJsonObject("meta").getBoolean("hasnext")).isFalse();
    assertThat(whos("like_clientid=" + tag + "&limit=2&page=1")).hasSize(2);
    assertThat(last.getJsonArray("data")).hasSize(1);
    assertError(emqx.api.get("/api/v5/banned?limit=0"), 400, "BAD_REQUEST");
    assertError(emqx.api.get("/api/v5/banned?page=x"), 400, "BAD_REQUEST");
  }

  @Test
  void badBansAre400BadRequestAndChangeNothing() {
    String tag = "bad" + RUN;
    List<JsonObject> bodies = List.of(
        new JsonObject().put("as", "nickname").put("who", tag),
        new JsonObject().put("as", "clientid"),
        new JsonObject().put("who", tag),
        new JsonObject().put("as", "clientid").put("who", 42),
        new JsonObject().put("as", "clientid").put("who", ""),
        new JsonObject().put("as", "clientid_re").put("who", tag + "([a-"),
        new JsonObject().put("as", "username_re").put("who", tag + "*("),
        new JsonObject().put("as", "peerhost_net").put("who", "10.0.0.0/33"),
        new JsonObject().put("as", "peerhost_net").put("who", "cafe/8"),
        new JsonObject().put("as", "peerhost").put("who", "localhost"),
        new JsonObject().put("as", "peerhost").put("who", "1.2.3"),
        new JsonObject().put("as", "clientid").put("who", tag).put("until", 1000),
        new JsonObject().put("as", "clientid").put("who", tag).put("until", "tomorrow"),
        new JsonObject().put("as", "clientid").put("who", tag).put("at", true),
        new JsonObject().put("as", "clientid").put("who", tag).put("reason", 7));
    for (JsonObject body : bodies) {
      assertError(emqx.api.post("/api/v5/banned", body), 400, "BAD_REQUEST");
    }
    assertError(emqx.api.send("POST", "/api/v5/banned", "{not json"), 400, "BAD_REQUEST");
    assertError(emqx.api.post("/api/v5/banned", List.of("clientid", tag)), 400, "BAD_REQUEST");
    assertError(emqx.api.delete("/api/v5/banned/nickname/" + tag), 400, "BAD_REQUEST");
    assertError(emqx.api.delete("/api/v5/banned/peerhost/" + tag), 400, "BAD_REQUEST");
    assertThat(whos("like_clientid=" + tag)).isEmpty();
    assertThat(whos("like_username=" + tag)).isEmpty();
    assertThat(list("like_peerhost_net=" + enc("^10\\.0\\.0\\.0/")).getJsonArray("data")).isEmpty();
  }

  @Test
  void anotherTenantsKeySeesNoneOfTheseBansAndCannotDeleteThem() {
    String who = "mine-" + RUN;
    JsonObject mine = ban(emqx.api, "clientid", who).object();
    EmqxHttp.Answer theirs = emqx.otherTenant.get("/api/v5/banned?clientid=" + who);
    assertThat(theirs.status()).isEqualTo(200);
    assertThat(theirs.object().getJsonArray("data")).isEmpty();
    assertThat(emqx.otherTenant.get("/api/v5/banned").object().getJsonArray("data").stream()
        .map(o -> ((JsonObject) o).getString("who"))).doesNotContain(who);
    assertThat(emqx.otherTenant.delete("/api/v5/banned/clientid/" + who).status()).isEqualTo(404);
    assertThat(emqx.otherTenant.delete("/api/v5/banned").status()).isEqualTo(204);
    assertThat(list("clientid=" + who).getJsonArray("data")).containsExactly(mine);
    // the same who banned in the other instance is that instance's own ban
    assertThat(ban(emqx.otherTenant, "clientid", who).status()).isEqualTo(200);
    assertThat(emqx.otherTenant.delete("/api/v5/banned/clientid/" + who).status()).isEqualTo(204);
    assertThat(list("clientid=" + who).getJsonArray("data")).containsExactly(mine);
  }

  @Test
  void deleteOfTheWholeListClearsOnlyThisInstance() {
    EmqxHttp own = emqx.otherTenant;
    ban(own, "clientid", "clear-a-" + RUN);
    ban(own, "username", "clear-b-" + RUN);
    ban(emqx.api, "clientid", "keep-" + RUN);
    assertThat(own.delete("/api/v5/banned").status()).isEqualTo(204);
    assertThat(own.get("/api/v5/banned").object().getJsonArray("data")).isEmpty();
    assertThat(whos("clientid=keep-" + RUN)).containsExactly("keep-" + RUN);
  }

  /** The CONNACK reason an MQTT 5 CONNECT of {@code clientId} gets; SUCCESS (then disconnected again) if accepted. */
  static Mqtt5ConnAckReasonCode connect5(String clientId) {
    Mqtt5BlockingClient client = emqx.mqtt5(clientId);
    try {
      client.connect();
      client.disconnect();
      return Mqtt5ConnAckReasonCode.SUCCESS;
    } catch (Mqtt5ConnAckException e) {
      return e.getMqttMessage().getReasonCode();
    }
  }

  static Mqtt3ConnAckReturnCode connect3(String clientId) {
    Mqtt3BlockingClient client = emqx.mqtt3(clientId);
    try {
      client.connect();
      client.disconnect();
      return Mqtt3ConnAckReturnCode.SUCCESS;
    } catch (Mqtt3ConnAckException e) {
      return e.getMqttMessage().getReturnCode();
    }
  }

  // each member checks CONNECTs against its own copy of the bans, fed by a listener: awaited, not assumed

  @Test
  void bannedClientIdIsRefusedAtConnectUntilTheBanIsDeleted() {
    String who = "refused-" + RUN;
    assertThat(ban(emqx.api, "clientid", who).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> connect5(who) == Mqtt5ConnAckReasonCode.BANNED);
    assertThat(connect3(who)).isEqualTo(Mqtt3ConnAckReturnCode.NOT_AUTHORIZED);
    assertThat(connect5("not-" + who)).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
    assertThat(emqx.api.delete("/api/v5/banned/clientid/" + who).status()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(10)).until(() -> connect5(who) == Mqtt5ConnAckReasonCode.SUCCESS);
    assertThat(connect3(who)).isEqualTo(Mqtt3ConnAckReturnCode.SUCCESS);
  }

  @Test
  void regexAndNetworkBansRefuseTheClientsTheyMatch() {
    String prefix = "re-" + RUN;
    assertThat(ban(emqx.api, "clientid_re", "^" + prefix + "-[0-9]+$").status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> connect5(prefix + "-42") == Mqtt5ConnAckReasonCode.BANNED);
    assertThat(connect5(prefix + "-x")).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
    assertThat(emqx.api.delete("/api/v5/banned/clientid_re/" + enc("^" + prefix + "-[0-9]+$")).status())
        .isEqualTo(204);
    String anyone = "net-" + RUN;
    try {
      assertThat(ban(emqx.api, "peerhost_net", "127.0.0.0/8").status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(10)).until(() -> connect5(anyone) == Mqtt5ConnAckReasonCode.BANNED);
    } finally {
      assertThat(emqx.api.delete("/api/v5/banned/peerhost_net/" + enc("127.0.0.0/8")).status()).isEqualTo(204);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> connect5(anyone) == Mqtt5ConnAckReasonCode.SUCCESS);
  }

  @Test
  void connectedClientIsDisconnectedWhenItsBanIsAdded() {
    String who = "live-" + RUN;
    AtomicReference<Throwable> cause = new AtomicReference<>();
    Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(who).serverHost("127.0.0.1")
        .serverPort(emqx.mqttPort).addDisconnectedListener(ctx -> cause.compareAndSet(null, ctx.getCause()))
        .buildBlocking();
    client.connect();
    Mqtt5BlockingClient bystander = emqx.mqtt5("bystander-" + RUN);
    bystander.connect();
    assertThat(ban(emqx.api, "clientid", who).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> !client.getState().isConnected());
    assertThat(cause.get()).isInstanceOf(Mqtt5DisconnectException.class);
    assertThat(((Mqtt5DisconnectException) cause.get()).getMqttMessage().getReasonCode())
        .isEqualTo(Mqtt5DisconnectReasonCode.ADMINISTRATIVE_ACTION);
    assertThat(bystander.getState().isConnected()).isTrue();
    bystander.disconnect();
    assertThat(emqx.api.delete("/api/v5/banned/clientid/" + who).status()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(10)).until(() -> connect5(who) == Mqtt5ConnAckReasonCode.SUCCESS);
  }

  @Test
  void aBanOfThisInstanceLetsTheSameClientIdIntoAnotherInstance() {
    String who = "shared-id-" + RUN;
    EmqxNode.join(emqx.control.users().create(MqttUser.create(emqx.otherInstance, "b-" + RUN, "pw", true, true, "it",
        System.currentTimeMillis())));
    assertThat(ban(emqx.api, "clientid", who).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> connect5(who) == Mqtt5ConnAckReasonCode.BANNED);
    Mqtt5BlockingClient theirs = Mqtt5Client.builder().identifier(who).serverHost("127.0.0.1")
        .serverPort(emqx.mqttPort).buildBlocking();
    theirs.connectWith().simpleAuth().username("b-" + RUN + "@" + emqx.otherInstance)
        .password("pw".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
    assertThat(theirs.getState().isConnected()).isTrue();
    theirs.disconnect();
  }
}
