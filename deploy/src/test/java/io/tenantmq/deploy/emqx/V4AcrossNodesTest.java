package io.tenantmq.deploy.emqx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two members of one cluster through the v4 shapes: either member's {@code /api/v4} lists the clients of both, and
 * subscribes on behalf of, publishes to and kicks a client connected to the other member.
 */
class V4AcrossNodesTest extends TwoMemberEmqxTest {



  static JsonObject ok(EmqxHttp.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.object().getInteger("code")).as(answer.body()).isZero();
    return answer.object();
  }

  /** client id → node, as one member's {@code /api/v4/clients} lists the clients whose id contains {@code run}. */
  static Map<String, String> listed(EmqxHttp api, String run) {
    return ok(api.get("/api/v4/clients?_like_clientid=" + run)).getJsonArray("data").stream()
        .map(JsonObject.class::cast).collect(Collectors.toMap(o -> o.getString("clientid"), o -> o.getString("node")));
  }

  @Test
  void eitherMemberListsBothAndActsOnAClientOfTheOther() throws Exception {
    String run = EmqxNode.shortId();
    Mqtt5BlockingClient onFirst = mqtt5("one-" + run, emqx.mqttPort);
    Mqtt5BlockingClient.Mqtt5Publishes inbox = onFirst.publishes(MqttGlobalPublishFilter.ALL);
    onFirst.connect();
    Mqtt5BlockingClient onSecond = mqtt5("two-" + run, second.mqttPort());
    onSecond.connect();
    try {
      Map<String, String> expected = Map.of("one-" + run, "node-emqx-it", "two-" + run, "node-emqx-it-2");
      await().atMost(WAIT).until(() -> listed(emqx.api, run).equals(expected));
      assertThat(listed(secondApi, run)).isEqualTo(expected);
      assertThat(ok(emqx.api.get("/api/v4/nodes/node-emqx-it-2/clients?_like_clientid=" + run))
          .getJsonArray("data").stream().map(o -> ((JsonObject) o).getString("clientid")).toList())
          .containsExactly("two-" + run);

      // the second member's gateway subscribes a client of the first, then publishes to it
      ok(secondApi.post("/api/v4/mqtt/subscribe", new JsonObject().put("clientid", "one-" + run)
          .put("topic", "far/" + run).put("qos", 1)));
      await().atMost(WAIT).until(() -> ok(emqx.api.get("/api/v4/clients/one-" + run)).getJsonArray("data")
          .getJsonObject(0).getInteger("subscriptions_cnt") == 1);
      ok(secondApi.post("/api/v4/mqtt/publish", new JsonObject().put("topic", "far/" + run).put("payload", "hi")));
      assertThat(new String(inbox.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes(),
          StandardCharsets.UTF_8)).isEqualTo("hi");

      // and each gateway kicks the other member's client
      assertThat(ok(secondApi.delete("/api/v4/clients/one-" + run))).isEqualTo(new JsonObject().put("code", 0));
      assertThat(ok(emqx.api.delete("/api/v4/clients/two-" + run))).isEqualTo(new JsonObject().put("code", 0));
      await().atMost(WAIT).until(() -> onFirst.getState() == MqttClientState.DISCONNECTED
          && onSecond.getState() == MqttClientState.DISCONNECTED);
      await().atMost(WAIT).until(() -> listed(secondApi, run).isEmpty());
    } finally {
      for (Mqtt5BlockingClient c : new Mqtt5BlockingClient[] {onFirst, onSecond}) {
        if (c.getState().isConnected()) {
          c.disconnect();
        }
      }
    }
  }
}
