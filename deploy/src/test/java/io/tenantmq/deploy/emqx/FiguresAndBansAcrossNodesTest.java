package io.tenantmq.deploy.emqx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two members of one cluster: {@code /nodes}, {@code /stats} and {@code /metrics} through either gateway give every
 * node's figures of the instance, and a ban made through one gateway acts on clients of the other member. One client
 * of the demo instance is connected to the first member and two to the second for the whole class.
 */
class FiguresAndBansAcrossNodesTest extends TwoMemberEmqxTest {


  static final String RUN = EmqxNode.shortId();
  static final List<Mqtt5BlockingClient> CLIENTS = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    CLIENTS.add(connect("a-" + RUN, emqx.mqttPort));
    CLIENTS.add(connect("b-" + RUN, second.mqttPort()));
    CLIENTS.add(connect("c-" + RUN, second.mqttPort()));
    await().atMost(WAIT).until(() -> connections(emqx.api).equals(Map.of(FIRST, 1L, SECOND, 2L)));
  }

  @AfterAll
  static void stop() throws Exception {
    CLIENTS.stream().filter(c -> c.getState().isConnected()).forEach(Mqtt5BlockingClient::disconnect);
  }

  static Mqtt5BlockingClient connect(String clientId, int port) {
    Mqtt5BlockingClient client = mqtt5(clientId, port);
    client.connect();
    return client;
  }

  static JsonArray array(EmqxHttp api, String path) {
    EmqxHttp.Answer answer = api.get(path);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.array();
  }

  /** node → connections of the demo instance there, as {@code GET /nodes} through {@code api} says. */
  static Map<String, Long> connections(EmqxHttp api) {
    return array(api, "/api/v5/nodes").stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(o -> o.getString("node"), o -> o.getLong("connections")));
  }

  @Test
  void eitherGatewayListsBothNodesWithTheirOwnConnections() {
    assertThat(connections(secondApi)).isEqualTo(Map.of(FIRST, 1L, SECOND, 2L));
    JsonObject ofSecond = emqx.api.get("/api/v5/nodes/" + SECOND).object();
    assertThat(ofSecond.getLong("live_connections")).isEqualTo(2);
    assertThat(ofSecond.getLong("cluster_sessions")).isEqualTo(3);
    assertThat(ofSecond.getLong("uptime")).isPositive();
  }

  @Test
  void aggregatedStatsAndMetricsAddUpTheNodes() {
    for (EmqxHttp api : List.of(emqx.api, secondApi)) {
      JsonObject stats = api.get("/api/v5/stats?aggregate=true").object();
      assertThat(stats.getLong("connections.count")).isEqualTo(3);
      assertThat(stats.getLong("cluster_sessions.count")).isEqualTo(3); // instance-wide: counted once, not per node
      JsonArray perNode = array(api, "/api/v5/stats");
      assertThat(perNode.stream().map(o -> ((JsonObject) o).getString("node"))).containsExactly(FIRST, SECOND);
      assertThat(perNode.getJsonObject(1).getLong("connections.count")).isEqualTo(2);
      assertThat(perNode.getJsonObject(1).getLong("cluster_sessions.count")).isEqualTo(3);
      JsonObject metrics = api.get("/api/v5/metrics?aggregate=true").object();
      long summed = array(api, "/api/v5/metrics").stream()
          .mapToLong(o -> ((JsonObject) o).getLong("client.connected")).sum();
      assertThat(metrics.getLong("client.connected")).isEqualTo(summed).isGreaterThanOrEqualTo(3);
      assertThat(array(api, "/api/v5/metrics?node=" + SECOND)).hasSize(1);
    }
  }

  @Test
  void aBanThroughOneGatewayClosesAndRefusesTheClientOnTheOtherMember() {
    String who = "far-" + RUN;
    Mqtt5BlockingClient far = connect(who, second.mqttPort());
    try {
      assertThat(emqx.api.post("/api/v5/banned", Map.of("as", "clientid", "who", who)).status()).isEqualTo(200);
      await().atMost(WAIT).until(() -> !far.getState().isConnected());
      await().atMost(WAIT).until(() -> {
        try {
          connect(who, second.mqttPort()).disconnect();
          return false;
        } catch (Mqtt5ConnAckException e) {
          return e.getMqttMessage().getReasonCode() == Mqtt5ConnAckReasonCode.BANNED;
        }
      });
      assertThat(secondApi.get("/api/v5/banned?clientid=" + who).object().getJsonArray("data")).hasSize(1);
      assertThat(secondApi.delete("/api/v5/banned/clientid/" + who).status()).isEqualTo(204);
      await().atMost(WAIT).until(() -> {
        try {
          connect(who, emqx.mqttPort).disconnect();
          return true;
        } catch (Mqtt5ConnAckException e) {
          return false;
        }
      });
      // the other tests count exactly three clients: wait for the records of this one's connections to go
      await().atMost(WAIT).until(() -> emqx.api.get("/api/v5/stats?aggregate=true").object()
          .getLong("cluster_sessions.count") == 3);
    } finally {
      if (far.getState().isConnected()) {
        far.disconnect();
      }
    }
  }
}
