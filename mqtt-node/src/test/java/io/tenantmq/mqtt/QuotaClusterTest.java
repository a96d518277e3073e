package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import io.micrometer.core.instrument.FunctionCounter;
import io.tenantmq.control.quota.InstanceQuotas;
import io.tenantmq.control.quota.Quota;
import io.tenantmq.mqtt.quota.NodeQuotas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An instance's connection quota is cluster-wide: each node counts its own connections exactly and the others' from
 * their reports ({@link NodeQuotas}), so a CONNECT on either member sees the connections on both, a takeover from the
 * other member is not refused, and a burst on both members at once stays within the documented bound.
 */
class QuotaClusterTest extends TwoNodeClusterTest {

  private final List<Mqtt5BlockingClient> clients = new ArrayList<>();

  private static String instance(int maxConnections) throws Exception {
    String id = unique("qc").toLowerCase();
    TestUsers.createInstance(a, id);
    TestUsers.create(a, id, "u", true, true);
    a.control.quotas().put(InstanceQuotas.of(id, Map.of(Quota.MAX_CONNECTIONS, maxConnections),
        System.currentTimeMillis())).toCompletableFuture().get(10, TimeUnit.SECONDS);
    for (TestNode n : List.of(a, b)) {
      await().atMost(Duration.ofSeconds(10))
          .until(() -> n.node.quotas().of(id).limits().maxConnections() == maxConnections);
    }
    return id;
  }

  private Mqtt5BlockingClient client(TestNode on, String instanceId, String clientId) {
    Mqtt5BlockingClient c = TestUsers.v5(on.mqttPort(), clientId, "u@" + instanceId, TestUsers.PASSWORD, null);
    clients.add(c);
    return c;
  }

  private static int refusal(Mqtt5BlockingClient c) {
    Mqtt5ConnAckException e = catchThrowableOfType(Mqtt5ConnAckException.class, c::connect);
    assertThat(e).as("CONNECT refused").isNotNull();
    return e.getMqttMessage().getReasonCode().getCode();
  }

  private static double refused(TestNode on, String instanceId) {
    FunctionCounter c = on.meters.find("tenantmq.quota.exceeded").tag("instance", instanceId)
        .tag("quota", "connections").functionCounter();
    return c == null ? 0 : c.count();
  }

  private static void awaitOthers(TestNode on, String instanceId, int connections) {
    await().atMost(Duration.ofSeconds(10)).until(() -> on.node.quotas().of(instanceId).othersConnections() == connections);
  }

  @org.junit.jupiter.api.AfterEach
  void disconnectAll() {
    for (Mqtt5BlockingClient c : clients) {
      if (c.getState().isConnected()) {
        c.disconnect();
      }
    }
    clients.clear();
  }

  @Test
  void connectionsOnOneMemberCountOnTheOther() throws Exception {
    String id = instance(3);
    String first = unique("a1");
    client(a, id, first).connect();
    client(a, id, unique("a2")).connect();
    awaitOthers(b, id, 2);

    assertThat(client(b, id, unique("b1")).connect().getReasonCode().getCode()).isZero();
    assertThat(refusal(client(b, id, unique("b2")))).isEqualTo(0x97);
    awaitOthers(a, id, 1);
    assertThat(refusal(client(a, id, unique("a3")))).isEqualTo(0x97);
    assertThat(refused(a, id) + refused(b, id)).isEqualTo(2);

    // a takeover from the other member replaces a counted connection: not refused at the maximum
    assertThat(client(b, id, first).connect().getReasonCode().getCode()).isZero();

    // a connection that ends frees its place for the other member within a report period
    clients.get(1).disconnect();
    await().atMost(Duration.ofMillis(NodeQuotas.REPORT_MILLIS * 5)).until(() ->
        b.node.quotas().of(id).othersConnections() == 0);
    assertThat(client(b, id, unique("b3")).connect().getReasonCode().getCode()).isZero();
  }

  @Test
  void aBurstOnBothMembersAtOnceStaysWithinTheDocumentedBound() throws Exception {
    int max = 4;
    String id = instance(max);
    List<CompletableFuture<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < 2 * max; i++) {
      for (TestNode on : List.of(a, b)) {
        Mqtt5AsyncClient c = client(on, id, unique("burst")).toAsync();
        attempts.add(c.connect().handle((ack, e) -> e == null));
      }
    }
    long accepted = attempts.stream().map(f -> f.orTimeout(20, TimeUnit.SECONDS).join()).filter(ok -> ok).count();
    // never fewer than the quota; at most each member's own maximum when both admit before either report arrives
    assertThat(accepted).isBetween((long) max, 2L * max);
    System.out.printf("connection quota %d, burst of %d CONNECTs on two members at once: %d accepted%n",
        max, attempts.size(), accepted);
    // once the reports settled, nothing more gets in on either member
    awaitOthers(a, id, b.node.quotas().of(id).localConnections());
    awaitOthers(b, id, a.node.quotas().of(id).localConnections());
    assertThat(refusal(client(a, id, unique("late")))).isEqualTo(0x97);
    assertThat(refusal(client(b, id, unique("late")))).isEqualTo(0x97);
  }
}
