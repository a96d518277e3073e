package io.tenantmq.mqtt.command;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.tenantmq.control.command.NodeCommands;
import io.tenantmq.control.command.NodeReport;
import io.tenantmq.mqtt.Inbox;
import io.tenantmq.mqtt.TestClients;
import io.tenantmq.mqtt.TestNode;
import io.tenantmq.mqtt.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-instance node reports ({@link NodeCommands#reports}) after real MQTT traffic: the counters and gauges of the
 * instance that had the traffic moved by exactly what happened, and those of another instance with a subscriber on the
 * same topic did not.
 */
class NodeReportTest {

  static TestNode node;
  static NodeCommands commands;

  @BeforeAll
  static void start() {
    try {
      node = TestNode.shared();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    commands = node.control.commands();
  }

  static NodeReport report(String instanceId) throws Exception {
    List<NodeReport> reports = commands.reports(instanceId).toCompletableFuture().get(15, TimeUnit.SECONDS);
    assertThat(reports).hasSize(1);
    return reports.get(0);
  }

  static Mqtt5BlockingClient login(String instanceId, String user, String clientId) {
    Mqtt5BlockingClient c = TestUsers.v5(node.mqttPort(), clientId, user + "@" + instanceId, TestUsers.PASSWORD, null);
    c.connect();
    return c;
  }

  @Test
  void reportCountsOneInstancesTrafficAndLeavesAnotherInstanceUntouched() throws Exception {
    String busy = TestUsers.createInstance(node, unique("busy"));
    String quiet = TestUsers.createInstance(node, unique("quiet"));
    String busyUser = TestUsers.create(node, busy, "u", true, true);
    String quietUser = TestUsers.create(node, quiet, "u", true, true);
    String topic = "same/topic";
    long before = System.currentTimeMillis();

    Inbox busyInbox = new Inbox();
    Inbox quietInbox = new Inbox();
    Mqtt5BlockingClient sub = login(busy, busyUser, unique("sub"));
    sub.toAsync().subscribeWith().topicFilter(topic).qos(TestClients.qos(1)).callback(busyInbox::accept).send()
        .get(10, TimeUnit.SECONDS);
    Mqtt5BlockingClient quietSub = login(quiet, quietUser, unique("quiet-sub"));
    quietSub.toAsync().subscribeWith().topicFilter(topic).qos(TestClients.qos(1)).callback(quietInbox::accept).send()
        .get(10, TimeUnit.SECONDS);
    Map<String, Long> quietMetricsBefore = report(quiet).metrics();
    Mqtt5BlockingClient pub = login(busy, busyUser, unique("pub"));
    TestClients.publish(pub, topic, "one", 1);
    TestClients.publish(pub, "nobody/listens", "lost", 0);
    busyInbox.awaitExactly(1);
    quietInbox.assertStaysAt(0);

    NodeReport r = report(busy);
    assertThat(r.node()).isEqualTo(node.node.nodeName());
    assertThat(r.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(r.startedAtMillis()).isPositive().isLessThanOrEqualTo(before);
    assertThat(r.stats()).containsEntry("live_connections.count", 2L).containsEntry("connections.count", 2L)
        .containsEntry("sessions.count", 2L).containsEntry("subscriptions.count", 1L)
        .containsEntry("subscriptions.shared.count", 0L).containsEntry("topics.count", 1L);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(report(busy).metrics())
        .containsEntry("client.connect", 2L).containsEntry("client.connected", 2L)
        .containsEntry("client.disconnected", 0L).containsEntry("session.created", 2L)
        .containsEntry("messages.acked", 1L)
        .containsEntry("messages.received", 2L).containsEntry("messages.qos0.received", 1L)
        .containsEntry("messages.qos1.received", 1L).containsEntry("messages.qos2.received", 0L)
        .containsEntry("messages.sent", 1L).containsEntry("messages.qos1.sent", 1L)
        .containsEntry("messages.delivered", 1L)
        .containsEntry("messages.dropped", 1L).containsEntry("messages.dropped.no_subscribers", 1L)
        .containsEntry("packets.connect.received", 2L).containsEntry("packets.subscribe.received", 1L)
        .containsEntry("packets.publish.received", 2L).containsEntry("packets.publish.sent", 1L)
        .containsEntry("packets.puback.received", 1L).containsEntry("packets.puback.sent", 1L));
    Map<String, Long> m = report(busy).metrics();
    // 2 CONNECT, SUBSCRIBE, 2 PUBLISH, PUBACK in; 2 CONNACK, SUBACK, PUBACK, PUBLISH out (a PINGREQ may add to both)
    assertThat(m.get("packets.received")).isGreaterThanOrEqualTo(6L);
    assertThat(m.get("packets.sent")).isGreaterThanOrEqualTo(5L);
    assertThat(m.get("bytes.received")).isGreaterThan(0L);
    assertThat(m.get("bytes.sent")).isGreaterThan(0L);

    // the other instance: one subscriber on the same topic name, and no message went anywhere near it
    NodeReport q = report(quiet);
    assertThat(q.stats()).containsEntry("live_connections.count", 1L).containsEntry("subscriptions.count", 1L);
    assertThat(q.metrics()).isEqualTo(quietMetricsBefore);
    assertThat(q.metrics()).containsEntry("messages.received", 0L).containsEntry("messages.sent", 0L)
        .containsEntry("messages.delivered", 0L).containsEntry("client.connected", 1L);

    sub.disconnect();
    pub.disconnect();
    quietSub.disconnect();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      NodeReport after = report(busy);
      assertThat(after.stats()).containsEntry("live_connections.count", 0L).containsEntry("live_connections.max", 2L)
          .containsEntry("sessions.count", 0L).containsEntry("subscriptions.count", 0L)
          .containsEntry("subscriptions.max", 1L).containsEntry("topics.count", 0L);
      assertThat(after.metrics()).containsEntry("client.disconnected", 2L)
          .containsEntry("packets.disconnect.received", 2L).containsEntry("session.terminated", 2L);
    });
  }

  @Test
  void aWrongPasswordCountsAsAnAuthFailureOfTheClaimedInstance() throws Exception {
    String instanceId = TestUsers.createInstance(node, unique("authfail"));
    String user = TestUsers.create(node, instanceId, "dev", true, true);
    login(instanceId, user, unique("ok")).disconnect();
    Throwable refused = catchThrowable(() -> TestUsers.v5(node.mqttPort(), unique("bad"), user + "@" + instanceId,
        "wrong-password", null).connect());
    assertThat(refused).isNotNull();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(report(instanceId).metrics())
        .containsEntry("client.auth.failure", 1L).containsEntry("client.connect", 2L)
        .containsEntry("client.connected", 1L));
  }

  @Test
  void anInstanceThisNodeNeverServedReportsZeros() throws Exception {
    NodeReport r = report(unique("never"));
    assertThat(r.stats().values()).containsOnly(0L);
    assertThat(r.metrics().values()).containsOnly(0L);
    assertThat(r.metrics()).containsKeys("client.connect", "messages.received", "bytes.sent",
        "messages.dropped.no_subscribers");
  }

  @Test
  void sessionCountersTellCreatedResumedTakenOverAndDiscarded() throws Exception {
    String instanceId = TestUsers.createInstance(node, unique("sessions"));
    String user = TestUsers.create(node, instanceId, "dev", true, true);
    String clientId = unique("kept");
    Mqtt5BlockingClient c = TestUsers.v5(node.mqttPort(), clientId, user + "@" + instanceId, TestUsers.PASSWORD, null);
    c.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
    c.disconnect();
    // the kept session is resumed by the same client id: the old one is taken over
    c.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
    // a clean start from a second connection discards it
    Mqtt5BlockingClient fresh = TestUsers.v5(node.mqttPort(), clientId, user + "@" + instanceId, TestUsers.PASSWORD,
        null);
    fresh.connectWith().cleanStart(true).send();
    fresh.disconnect();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      NodeReport r = report(instanceId);
      assertThat(r.metrics()).containsEntry("session.created", 2L).containsEntry("session.resumed", 1L)
          .containsEntry("session.takenover", 1L).containsEntry("session.discarded", 1L)
          .containsEntry("client.connected", 3L).containsEntry("client.disconnected", 3L);
      assertThat(r.stats()).containsEntry("sessions.count", 0L).containsEntry("connections.count", 0L)
          .containsEntry("sessions.max", 1L);
    });
  }
}
