package io.tenantmq.deploy.emqx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two members of one cluster: the EMQX API of either member answers for the whole cluster, listing clients connected
 * to both and kicking a client wherever it is connected.
 */
class EmqxAcrossNodesTest extends TwoMemberEmqxTest {



  Mqtt5BlockingClient connect(String clientId, int port, AtomicReference<Throwable> disconnectCause) {
    Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port)
        .addDisconnectedListener(ctx -> disconnectCause.set(ctx.getCause())).buildBlocking();
    client.connect();
    return client;
  }

  /** client id → node, as one member's gateway lists the clients whose id contains {@code run}. */
  static Map<String, String> listed(EmqxHttp api, String run) {
    EmqxHttp.Answer answer = api.get("/api/v5/clients?like_clientid=" + run);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.object().getJsonArray("data").stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(o -> o.getString("clientid"), o -> o.getString("node")));
  }

  @Test
  void eitherMembersGatewayListsTheClientsOfBoth() {
    String run = EmqxNode.shortId();
    AtomicReference<Throwable> ignored = new AtomicReference<>();
    Mqtt5BlockingClient onFirst = connect("one-" + run, emqx.mqttPort, ignored);
    Mqtt5BlockingClient onSecond = connect("two-" + run, second.mqttPort(), ignored);
    try {
      Map<String, String> expected = Map.of("one-" + run, "node-emqx-it", "two-" + run, "node-emqx-it-2");
      await().atMost(WAIT).until(() -> listed(emqx.api, run).equals(expected));
      assertThat(listed(secondApi, run)).isEqualTo(expected);
      assertThat(secondApi.get("/api/v5/clients/one-" + run).object().getString("node")).isEqualTo("node-emqx-it");
      assertThat(emqx.api.get("/api/v5/clients?like_clientid=" + run + "&node=node-emqx-it-2").object()
          .getJsonArray("data").stream().map(o -> ((JsonObject) o).getString("clientid")).toList())
          .containsExactly("two-" + run);
    } finally {
      onFirst.disconnect();
      onSecond.disconnect();
    }
  }

  @Test
  void aKickThroughEitherGatewayClosesTheConnectionWhereverItLives() {
    String run = EmqxNode.shortId();
    AtomicReference<Throwable> firstCause = new AtomicReference<>();
    AtomicReference<Throwable> secondCause = new AtomicReference<>();
    connect("far-a-" + run, second.mqttPort(), secondCause);
    connect("far-b-" + run, emqx.mqttPort, firstCause);
    await().atMost(WAIT).until(() -> listed(emqx.api, run).size() == 2);

    // the first member's gateway kicks a client of the second member, and the other way round
    assertThat(emqx.api.delete("/api/v5/clients/far-a-" + run).status()).isEqualTo(204);
    assertThat(secondApi.delete("/api/v5/clients/far-b-" + run).status()).isEqualTo(204);

    for (AtomicReference<Throwable> cause : List.of(firstCause, secondCause)) {
      await().atMost(WAIT).until(() -> cause.get() != null);
      assertThat(((Mqtt5DisconnectException) cause.get()).getMqttMessage().getReasonCode())
          .isEqualTo(Mqtt5DisconnectReasonCode.ADMINISTRATIVE_ACTION);
    }
    await().atMost(WAIT).until(() -> listed(secondApi, run).isEmpty());
  }
}
