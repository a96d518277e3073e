package io.tenantmq.sdk.emqx.it;

import static io.tenantmq.sdk.emqx.it.EmqxErrors.assertApiError;
import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.tenantmq.sdk.emqx.Ban;
import io.tenantmq.sdk.emqx.BanKind;
import io.tenantmq.sdk.emqx.BanQuery;
import io.tenantmq.sdk.emqx.BanRequest;
import io.tenantmq.sdk.emqx.EmqxStyleClient;
import io.tenantmq.sdk.emqx.Node;
import io.tenantmq.sdk.it.TenantMqUnderTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code EmqxStyleClient.banned()} against real CONNECTs, and {@code cluster()}'s nodes, stats and metrics. */
class BannedAndClusterTest {

  static TenantMqUnderTest product;
  static EmqxStyleClient emqx;

  @BeforeAll
  static void start() throws Exception {
    product = TenantMqUnderTest.shared();
    emqx = product.emqxClient(product.node.demo().tenantId(), product.instanceId());
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  static Mqtt5BlockingClient mqtt5(String id) {
    return Mqtt5Client.builder().identifier(id).serverHost("127.0.0.1").serverPort(product.mqttPort()).buildBlocking();
  }

  @Test
  void aBannedClientIdIsKickedAndRefusedUntilTheBanIsDeleted() throws Exception {
    String id = unique("sdk-banned-");
    Mqtt5BlockingClient device = mqtt5(id);
    device.connect();

    Ban ban = await(emqx.banned().create(BanRequest.of(BanKind.CLIENTID, id, "sdk test")
        .until(OffsetDateTime.now().plusHours(1))));

    assertThat(ban.as()).isEqualTo(BanKind.CLIENTID);
    assertThat(ban.who()).isEqualTo(id);
    assertThat(ban.reason()).isEqualTo("sdk test");
    assertThat(ban.untilTime()).isPresent();
    await().atMost(Duration.ofSeconds(10)).until(() -> !device.getState().isConnected());
    assertThatThrownBy(() -> mqtt5(id).connect()).isInstanceOfSatisfying(Mqtt5ConnAckException.class,
        e -> assertThat(e.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.BANNED));
    assertThat(await(emqx.banned().list(BanQuery.clientId(id), 1, 10)).data()).extracting(Ban::who)
        .containsExactly(id);
    assertApiError(() -> await(emqx.banned().create(BanRequest.of(BanKind.CLIENTID, id, "again"))), 400,
        "ALREADY_EXISTS");

    await(emqx.banned().delete(BanKind.CLIENTID, id));
    Mqtt5BlockingClient again = mqtt5(id);
    again.connect();
    again.disconnect();
    assertApiError(() -> await(emqx.banned().delete(BanKind.CLIENTID, id)), 404, "NOT_FOUND");
  }

  @Test
  void nodesStatsAndMetricsDescribeTheInstanceOnThisNode() throws Exception {
    Mqtt5BlockingClient device = mqtt5(unique("sdk-stats-"));
    device.connect();
    try {
      List<Node> nodes = await(emqx.cluster().nodes());
      assertThat(nodes).hasSize(1);
      Node node = nodes.get(0);
      assertThat(node.nodeStatus()).isEqualTo("running");
      assertThat(node.edition()).isEqualTo("Opensource");
      assertThat(await(emqx.cluster().node(node.node())).node()).isEqualTo(node.node());

      await().atMost(Duration.ofSeconds(10)).until(() -> await(emqx.cluster().stats()).get("connections.count"),
          count -> count != null && count >= 1);
      List<Map<String, Object>> perNode = await(emqx.cluster().statsByNode());
      assertThat(perNode).singleElement().satisfies(s -> assertThat(s.get("node")).isEqualTo(node.node()));
      assertThat(await(emqx.cluster().metrics())).containsKey("messages.received");
      assertThat(await(emqx.cluster().metricsByNode())).singleElement()
          .satisfies(m -> assertThat(m.get("node")).isEqualTo(node.node()));
    } finally {
      device.disconnect();
    }
  }
}
