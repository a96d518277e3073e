package io.tenantmq.sdk.emqx.it;

import static io.tenantmq.sdk.emqx.it.EmqxErrors.assertApiError;
import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.tenantmq.control.user.MqttUser;
import io.tenantmq.sdk.emqx.Client;
import io.tenantmq.sdk.emqx.ClientListQuery;
import io.tenantmq.sdk.emqx.ConnState;
import io.tenantmq.sdk.emqx.CursorPage;
import io.tenantmq.sdk.emqx.EmqxApiException;
import io.tenantmq.sdk.emqx.EmqxClientOptions;
import io.tenantmq.sdk.emqx.EmqxStyleClient;
import io.tenantmq.sdk.emqx.Page;
import io.tenantmq.sdk.it.TenantMqUnderTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code EmqxStyleClient.clients()} list, cursor walk, look-up and kicks against real HiveMQ MQTT clients of the demo
 * instance: four clients connected once for the class (MQTT 5 with and without a user name and clean start, MQTT
 * 3.1.1), all with ids starting with this run's prefix.
 */
class ClientsTest {

  static final Duration SOON = Duration.ofSeconds(10);
  static final String RUN = "sdk-" + UUID.randomUUID().toString().substring(0, 8);
  static final String A = RUN + "-a";
  static final String B = RUN + "-b";
  static final String C = RUN + "-c";
  static final String D = RUN + "-d";
  static final String ALICE = "alice-" + RUN;

  static TenantMqUnderTest product;
  static EmqxStyleClient emqx;
  static Instant beforeConnects;
  static final List<Object> connected = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    product = TenantMqUnderTest.shared();
    emqx = product.emqxClient(product.node.demo().tenantId(), product.instanceId());
    await(product.control().users().create(MqttUser.create(product.instanceId(), ALICE, "pw", true, true, "sdk-it",
        System.currentTimeMillis())).toCompletableFuture());
    beforeConnects = Instant.now().minusMillis(1);
    Mqtt5BlockingClient a = mqtt5(A);
    a.connectWith().simpleAuth().username(ALICE).password("pw".getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
        .keepAlive(45).send();
    a.subscribeWith().topicFilter("sdk/" + RUN + "/a/#").qos(MqttQos.AT_LEAST_ONCE).send();
    Mqtt5BlockingClient b = mqtt5(B);
    b.connectWith().cleanStart(false).sessionExpiryInterval(600).send();
    Mqtt3BlockingClient c = Mqtt3Client.builder().identifier(C).serverHost("127.0.0.1").serverPort(product.mqttPort())
        .buildBlocking();
    c.connect();
    Mqtt5BlockingClient d = mqtt5(D);
    d.connect();
    connected.addAll(List.of(a, b, c, d));
    await().atMost(SOON).until(() -> ids(ClientListQuery.builder().likeClientId(RUN).build()).size() == 4
        && await(emqx.clients().get(A)).subscriptionsCnt() == 1);
  }

  @AfterAll
  static void stop() {
    for (Object c : connected) {
      if (c instanceof Mqtt5BlockingClient m && m.getState().isConnected()) {
        m.disconnect();
      } else if (c instanceof Mqtt3BlockingClient m && m.getState().isConnected()) {
        m.disconnect();
      }
    }
  }

  /** An id outside this class's population (which shares the RUN prefix). */
  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  static Mqtt5BlockingClient mqtt5(String id) {
    return Mqtt5Client.builder().identifier(id).serverHost("127.0.0.1").serverPort(product.mqttPort()).buildBlocking();
  }

  static List<String> ids(ClientListQuery query) throws Exception {
    return await(emqx.clients().list(query, 1, 100)).data().stream().map(Client::clientId).toList();
  }

  static ClientListQuery.Builder ofRun() {
    return ClientListQuery.builder().likeClientId(RUN);
  }

  @Test
  void listReadsEveryClientIntoTypedFieldsWithItsMeta() throws Exception {
    Page<Client> page = await(emqx.clients().list(ofRun().build(), 1, 50));

    assertThat(page.meta()).isEqualTo(new Page.Meta(1, 50, 4L, false));
    assertThat(page.data()).extracting(Client::clientId).containsExactly(A, B, C, D);
    Client a = page.data().get(0);
    assertThat(a.username()).isEqualTo(ALICE);
    assertThat(a.protoName()).isEqualTo("MQTT");
    assertThat(a.protoVer()).isEqualTo(5);
    assertThat(a.ipAddress()).isEqualTo("127.0.0.1");
    assertThat(a.port()).isPositive();
    assertThat(a.connected()).isTrue();
    assertThat(a.keepalive()).isEqualTo(45);
    assertThat(a.cleanStart()).isTrue();
    assertThat(a.subscriptionsCnt()).isEqualTo(1);
    assertThat(a.subscriptionsMax()).isEqualTo("infinity");
    assertThat(a.connectedAt().toInstant()).isAfter(beforeConnects).isBefore(Instant.now().plusSeconds(1));
    assertThat(a.createdAt()).isNotNull();
    assertThat(a.disconnectedAt()).isNull();
    assertThat(a.recvPkt()).isNotNull(); // counters reach the registry periodically, not at once
    assertThat(a.node()).isNotBlank();
    Client c = page.data().get(2);
    assertThat(c.protoVer()).isEqualTo(4);
    assertThat(c.username()).isNull();
    assertThat(page.data().get(1).expiryInterval()).isEqualTo(600);
  }

  @Test
  void everyFilterOfTheQueryBuilderNarrowsTheList() throws Exception {
    String node = await(emqx.clients().get(A)).node();
    assertThat(ids(ClientListQuery.builder().clientId(C, A).build())).containsExactly(A, C);
    assertThat(ids(ofRun().username(ALICE).build())).containsExactly(A);
    assertThat(ids(ClientListQuery.builder().likeUsername("ice-" + RUN).build())).containsExactly(A);
    assertThat(ids(ofRun().protoVer(4).build())).containsExactly(C);
    assertThat(ids(ofRun().cleanStart(false).build())).containsExactly(B);
    assertThat(ids(ofRun().connState(ConnState.CONNECTED).build())).hasSize(4);
    assertThat(ids(ofRun().connState(ConnState.IDLE).build())).isEmpty();
    assertThat(ids(ofRun().connState(ConnState.DISCONNECTED).build())).isEmpty();
    assertThat(ids(ofRun().ipAddress("127.0.0.1").build())).hasSize(4);
    assertThat(ids(ofRun().ipAddress("10.9.8.7").build())).isEmpty();
    assertThat(ids(ofRun().node(node).build())).hasSize(4);
    assertThat(ids(ofRun().node("elsewhere@127.0.0.1").build())).isEmpty();
    assertThat(ids(ofRun().gteConnectedAt(beforeConnects).lteConnectedAt(Instant.now().plusSeconds(5)).build()))
        .hasSize(4);
    assertThat(ids(ofRun().gteConnectedAt(Instant.now().plusSeconds(60)).build())).isEmpty();
    assertThat(ids(ofRun().gteCreatedAt(Instant.parse("2000-01-01T00:00:00Z")).build())).hasSize(4);
    assertThat(ids(ofRun().lteCreatedAt(Instant.parse("2000-01-01T00:00:00Z")).build())).isEmpty();
  }

  @Test
  void fieldsProjectionFillsOnlyTheRequestedFields() throws Exception {
    List<Client> clients = await(emqx.clients().list(ofRun().fields("clientid", "proto_ver", "recv_msg.qos0").build(),
        1, 10)).data();

    assertThat(clients).hasSize(4).allSatisfy(c -> {
      assertThat(c.clientId()).startsWith(RUN);
      assertThat(c.protoVer()).isIn(4, 5);
      assertThat(c.recvMsgQos0()).isNotNull();
      assertThat(c.username()).isNull();
      assertThat(c.node()).isNull();
      assertThat(c.connectedAt()).isNull();
    });
  }

  @Test
  void pagesAndTheCursorWalkVisitEveryClientOnceInOrder() throws Exception {
    Page<Client> first = await(emqx.clients().list(ofRun().build(), 1, 3));
    Page<Client> second = await(emqx.clients().list(ofRun().build(), 2, 3));
    assertThat(first.meta().hasnext()).isTrue();
    assertThat(first.data()).extracting(Client::clientId).containsExactly(A, B, C);
    assertThat(second.meta().hasnext()).isFalse();
    assertThat(second.data()).extracting(Client::clientId).containsExactly(D);

    CursorPage<Client> page1 = await(emqx.clients().listByCursor(ofRun().build(), null, 3));
    assertThat(page1.meta().hasnext()).isTrue();
    assertThat(page1.meta().cursor()).isNotBlank();
    CursorPage<Client> page2 = await(emqx.clients().listByCursor(ofRun().build(), page1.meta().cursor(), 3));
    assertThat(page2.data()).extracting(Client::clientId).containsExactly(D);
    assertThat(page2.meta().hasnext()).isFalse();

    assertThat(emqx.clients().walk(ofRun().build(), 1).map(Client::clientId)).containsExactly(A, B, C, D);
    assertThat(emqx.clients().walk(ofRun().protoVer(5).fields("clientid").build(), 2).map(Client::clientId))
        .containsExactly(A, B, D);
  }

  @Test
  void getReturnsOneClientAndUnknownOnesAre404ClientIdNotFound() throws Exception {
    assertThat(await(emqx.clients().get(B))).satisfies(b -> {
      assertThat(b.clientId()).isEqualTo(B);
      assertThat(b.cleanStart()).isFalse();
    });

    EmqxApiException e = assertApiError(() -> await(emqx.clients().get(RUN + "-nobody")), 404, "CLIENTID_NOT_FOUND");
    assertThat(e.getMessage()).isEqualTo("Client ID not found");
    assertApiError(() -> await(emqx.clients().kick(RUN + "-nobody")), 404, "CLIENTID_NOT_FOUND");
  }

  @Test
  void kickDisconnectsTheClientEvenWhenItsIdNeedsEncoding() throws Exception {
    String id = unique("sdk kick/me+now ");
    Mqtt5BlockingClient device = mqtt5(id);
    device.connect();
    assertThat(await(emqx.clients().get(id)).clientId()).isEqualTo(id);

    await(emqx.clients().kick(id));

    await().atMost(SOON).until(() -> !device.getState().isConnected());
    await().atMost(SOON).untilAsserted(() -> assertApiError(() -> await(emqx.clients().get(id)), 404,
        "CLIENTID_NOT_FOUND"));
  }

  @Test
  void authAndParameterErrorsCarryEmqxsStatusAndCode() throws Exception {
    EmqxStyleClient wrongSecret = EmqxStyleClient.create(emqx.options().setApiSecret("not-the-secret"));
    EmqxApiException bad = assertApiError(() -> await(wrongSecret.clients().list(ClientListQuery.ALL, 1, 1)), 401,
        "BAD_API_KEY_OR_SECRET");
    assertThat(bad.getMessage()).isEqualTo("Check api_key/api_secret");
    assertApiError(() -> await(EmqxStyleClient.create(emqx.options().setApiKey("no-such-key")).clients().get(A)), 401,
        "BAD_API_KEY_OR_SECRET");
    // what the typed calls refuse to send, the server refuses too
    assertApiError(() -> await(emqx.call("GET", "/clients?limit=0", null, JsonNode.class)), 400, "BAD_REQUEST");
    assertApiError(() -> await(emqx.call("GET", "/no-such-route", null, JsonNode.class)), 404, "NOT_FOUND");
  }

  @Test
  void anotherTenantsKeySeesNoneOfTheseClientsAndKicksNone() throws Exception {
    String other = product.otherTenantInstance("sdk" + UUID.randomUUID().toString().substring(0, 8));
    EmqxStyleClient otherKey = product.emqxClient("tenant-" + other.substring("mqtt-".length()), other);

    Page<Client> seen = await(otherKey.clients().list(ofRun().build(), 1, 100));
    assertThat(seen.data()).isEmpty();
    assertThat(seen.meta().count()).isZero();
    assertThat(otherKey.clients().walk(ClientListQuery.ALL, 100)).isEmpty();
    assertApiError(() -> await(otherKey.clients().get(A)), 404, "CLIENTID_NOT_FOUND");
    assertApiError(() -> await(otherKey.clients().kick(A)), 404, "CLIENTID_NOT_FOUND");
    assertThat(((Mqtt5BlockingClient) connected.get(0)).getState().isConnected()).isTrue();
  }

  @Test
  void optionsNeedEndpointKeyAndSecretAndKeepTheSecretOutOfToString() {
    EmqxClientOptions options = emqx.options();
    assertThat(options.getBaseUri().toString()).isEqualTo(product.endpoint() + "/api/v5");
    assertThat(new EmqxClientOptions().setEndpoint(product.endpoint() + "/api/v5/").getBaseUri())
        .isEqualTo(options.getBaseUri());
    assertThat(options.toString()).contains(options.getApiKey()).doesNotContain(options.getApiSecret());
    assertThatThrownBy(() -> EmqxStyleClient.create(new EmqxClientOptions()
        .setEndpoint(product.endpoint()))).isInstanceOf(IllegalArgumentException.class);
  }
}
