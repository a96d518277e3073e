package io.tenantmq.deploy.emqx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.tenantmq.control.user.MqttUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v5/nodes}, {@code /stats} and {@code /metrics} with real clients of two tenants connected: every figure
 * is the calling instance's. The demo instance has five clients (three MQTT 5, two 3.1.1), two subscriptions and one
 * retained message; the other tenant's instance two clients and two retained messages. Tests publish but never
 * connect or subscribe more, so the gauges stay exact for the whole class.
 */
class NodesStatsMetricsApiTest {

  static final String NODE = "node-emqx-it";
  static final List<String> STATS_KEYS = List.of("connections.count", "connections.max", "live_connections.count",
      "live_connections.max", "sessions.count", "sessions.max", "cluster_sessions.count", "cluster_sessions.max",
      "channels.count", "channels.max", "subscriptions.count", "subscriptions.max", "subscriptions.shared.count",
      "subscriptions.shared.max", "suboptions.count", "suboptions.max", "subscribers.count", "subscribers.max",
      "topics.count", "topics.max", "retained.count", "retained.max", "delayed.count", "delayed.max");
  static final List<String> SOME_METRICS = List.of("client.connected", "client.disconnected", "client.connect",
      "session.created", "session.resumed", "session.takenover", "session.discarded", "session.terminated",
      "messages.received", "messages.sent", "messages.publish", "messages.delivered", "messages.dropped",
      "messages.dropped.no_subscribers", "messages.acked", "packets.received", "packets.sent",
      "packets.connect.received", "packets.publish.received", "bytes.received", "bytes.sent",
      "messages.qos1.received", "authentication.failure", "overload_protection.new_conn");

  @TempDir
  static Path dataDir;
  static EmqxNode emqx;
  static final String RUN = EmqxNode.shortId();
  static final List<Mqtt5BlockingClient> DEMO5 = new ArrayList<>();
  static final List<Mqtt3BlockingClient> DEMO3 = new ArrayList<>();
  static final List<Mqtt5BlockingClient> OTHER = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    emqx = new EmqxNode(dataDir);
    for (int i = 0; i < 3; i++) {
      Mqtt5BlockingClient c = emqx.mqtt5("st5-" + RUN + "-" + i);
      c.connect();
      DEMO5.add(c);
    }
    for (int i = 0; i < 2; i++) {
      Mqtt3BlockingClient c = emqx.mqtt3("st3-" + RUN + "-" + i);
      c.connect();
      DEMO3.add(c);
    }
    DEMO5.get(0).subscribeWith().topicFilter("st/" + RUN + "/#").qos(MqttQos.AT_LEAST_ONCE).send();
    DEMO5.get(0).subscribeWith().topicFilter("other/" + RUN).send();
    DEMO5.get(1).publishWith().topic("kept/" + RUN).payload(bytes("r")).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();

    EmqxNode.join(emqx.control.users().create(MqttUser.create(emqx.otherInstance, "x", "pw", true, true, "it",
        System.currentTimeMillis())));
    for (int i = 0; i < 2; i++) {
      Mqtt5BlockingClient c = Mqtt5Client.builder().identifier("other-" + RUN + "-" + i).serverHost("127.0.0.1")
          .serverPort(emqx.mqttPort).buildBlocking();
      c.connectWith().simpleAuth().username("x@" + emqx.otherInstance).password(bytes("pw")).applySimpleAuth().send();
      c.publishWith().topic("kept/" + i).payload(bytes("r")).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();
      OTHER.add(c);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      JsonObject stats = stats(emqx.api);
      return stats.getLong("connections.count") == 5 && stats.getLong("subscriptions.count") == 2
          && stats.getLong("retained.count") == 1;
    });
  }

  @AfterAll
  static void stop() throws Exception {
    DEMO5.stream().filter(c -> c.getState().isConnected()).forEach(Mqtt5BlockingClient::disconnect);
    DEMO3.stream().filter(c -> c.getState().isConnected()).forEach(Mqtt3BlockingClient::disconnect);
    OTHER.stream().filter(c -> c.getState().isConnected()).forEach(Mqtt5BlockingClient::disconnect);
    emqx.close();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static EmqxHttp.Answer ok(EmqxHttp.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  static JsonObject stats(EmqxHttp api) {
    return ok(api.get("/api/v5/stats?aggregate=true")).object();
  }

  static JsonObject metrics(EmqxHttp api) {
    return ok(api.get("/api/v5/metrics?aggregate=true")).object();
  }

  @Test
  void nodesListThisNodeWithTheInstancesConnectionsAndEmqxFields() {
    JsonArray nodes = ok(emqx.api.get("/api/v5/nodes")).array();
    assertThat(nodes).hasSize(1);
    JsonObject node = nodes.getJsonObject(0);
    assertThat(node.fieldNames()).containsExactlyInAnyOrder("node", "node_status", "connections", "live_connections",
        "cluster_sessions", "max_fds", "memory_total", "memory_used", "otp_release", "process_available",
        "process_used", "uptime", "version", "edition", "sys_path", "log_path", "role");
    assertThat(node.getString("node")).isEqualTo(NODE);
    assertThat(node.getString("node_status")).isEqualTo("running");
    assertThat(node.getLong("connections")).isEqualTo(5);
    assertThat(node.getLong("live_connections")).isEqualTo(5);
    assertThat(node.getLong("cluster_sessions")).isEqualTo(5);
    assertThat(node.getString("memory_total")).matches("\\d+\\.\\d\\d[KMG]");
    assertThat(node.getString("memory_used")).matches("\\d+\\.\\d\\d[KMG]");
    assertThat(node.getLong("max_fds")).isPositive();
    assertThat(node.getLong("process_used")).isPositive();
    assertThat(node.getLong("uptime")).isPositive();
    assertThat(node.getString("version")).isNotBlank();
    assertThat(node.getString("edition")).isEqualTo("Opensource");
    assertThat(node.getString("role")).isEqualTo("core");

    JsonObject one = ok(emqx.api.get("/api/v5/nodes/" + NODE)).object();
    assertThat(one.getLong("connections")).isEqualTo(5);
    assertThat(one.getString("version")).isEqualTo(node.getString("version"));
    JsonObject theirs = ok(emqx.otherTenant.get("/api/v5/nodes/" + NODE)).object();
    assertThat(theirs.getLong("connections")).isEqualTo(2);
    assertThat(theirs.getLong("cluster_sessions")).isEqualTo(2);
  }

  @Test
  void unknownNodeIs404NotFound() {
    for (String path : List.of("/api/v5/nodes/emqx@127.0.0.1", "/api/v5/nodes/emqx@127.0.0.1/metrics",
        "/api/v5/nodes/emqx@127.0.0.1/stats")) {
      EmqxHttp.Answer answer = emqx.api.get(path);
      assertThat(answer.status()).as(path).isEqualTo(404);
      assertThat(answer.object()).isEqualTo(new JsonObject().put("code", "NOT_FOUND")
          .put("message", "Node not found: emqx@127.0.0.1"));
    }
  }

  @Test
  void statsCountOnlyTheCallersInstance() {
    JsonObject stats = stats(emqx.api);
    assertThat(stats.fieldNames()).containsAll(STATS_KEYS);
    assertThat(stats.getLong("connections.count")).isEqualTo(5);
    assertThat(stats.getLong("live_connections.count")).isEqualTo(5);
    assertThat(stats.getLong("sessions.count")).isEqualTo(5);
    assertThat(stats.getLong("cluster_sessions.count")).isEqualTo(5);
    assertThat(stats.getLong("subscriptions.count")).isEqualTo(2);
    assertThat(stats.getLong("topics.count")).isEqualTo(2);
    assertThat(stats.getLong("retained.count")).isEqualTo(1);
    assertThat(stats.getLong("delayed.count")).isZero();
    assertThat(stats.getLong("connections.max")).isGreaterThanOrEqualTo(5);
    assertThat(stats.getLong("retained.max")).isGreaterThanOrEqualTo(1);

    JsonObject theirs = stats(emqx.otherTenant);
    assertThat(theirs.getLong("connections.count")).isEqualTo(2);
    assertThat(theirs.getLong("subscriptions.count")).isZero();
    assertThat(theirs.getLong("retained.count")).isEqualTo(2);
  }

  @Test
  void statsPerNodeCarryTheNodeName() {
    JsonArray perNode = ok(emqx.api.get("/api/v5/stats")).array();
    assertThat(perNode).hasSize(1);
    JsonObject node = perNode.getJsonObject(0);
    assertThat(node.getString("node")).isEqualTo(NODE);
    assertThat(node.fieldNames()).containsAll(STATS_KEYS).contains("durable_subscriptions.count");
    assertThat(node.getLong("connections.count")).isEqualTo(5);
    assertThat(ok(emqx.api.get("/api/v5/stats?aggregate=false")).array()).hasSize(1);
    JsonObject ofNode = ok(emqx.api.get("/api/v5/nodes/" + NODE + "/stats")).object();
    assertThat(ofNode.fieldNames()).containsAll(STATS_KEYS);
    assertThat(ofNode.getLong("connections.count")).isEqualTo(5);
    assertThat(ofNode.getLong("retained.count")).isEqualTo(1);
    EmqxHttp.Answer bad = emqx.api.get("/api/v5/stats?aggregate=maybe");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.object().getString("code")).isEqualTo("BAD_REQUEST");
  }

  @Test
  void metricsMoveWithTheInstancesOwnTrafficOnly() {
    JsonObject before = metrics(emqx.api);
    JsonObject theirsBefore = metrics(emqx.otherTenant);
    assertThat(before.fieldNames()).containsAll(SOME_METRICS).hasSizeGreaterThanOrEqualTo(92);
    assertThat(before.getLong("client.connected")).isGreaterThanOrEqualTo(5);

    for (int i = 0; i < 3; i++) {
      OTHER.get(0).publishWith().topic("t/" + i).payload(bytes("x")).qos(MqttQos.AT_LEAST_ONCE).send();
    }
    for (int i = 0; i < 4; i++) {
      DEMO5.get(2).publishWith().topic("st/" + RUN + "/" + i).payload(bytes("hello")).qos(MqttQos.AT_LEAST_ONCE)
          .send();
    }
    DEMO3.get(0).publishWith().topic("nobody/" + RUN).payload(bytes("lost")).send();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonObject after = metrics(emqx.api);
      assertThat(after.getLong("messages.received") - before.getLong("messages.received")).isEqualTo(5);
      assertThat(after.getLong("messages.qos1.received") - before.getLong("messages.qos1.received")).isEqualTo(4);
      assertThat(after.getLong("messages.qos0.received") - before.getLong("messages.qos0.received")).isEqualTo(1);
      assertThat(after.getLong("messages.sent") - before.getLong("messages.sent")).isEqualTo(4);
      assertThat(after.getLong("messages.dropped.no_subscribers")
          - before.getLong("messages.dropped.no_subscribers")).isEqualTo(1);
      assertThat(after.getLong("bytes.received")).isGreaterThan(before.getLong("bytes.received"));
      JsonObject theirs = metrics(emqx.otherTenant);
      assertThat(theirs.getLong("messages.received") - theirsBefore.getLong("messages.received")).isEqualTo(3);
    });
  }

  @Test
  void metricsPerNodeAndOfOneNode() {
    JsonArray perNode = ok(emqx.api.get("/api/v5/metrics")).array();
    assertThat(perNode).hasSize(1);
    assertThat(perNode.getJsonObject(0).getString("node")).isEqualTo(NODE);
    assertThat(perNode.getJsonObject(0).fieldNames()).containsAll(SOME_METRICS);
    assertThat(ok(emqx.api.get("/api/v5/metrics?aggregate=false&node=" + NODE)).array()).hasSize(1);
    assertThat(ok(emqx.api.get("/api/v5/metrics?node=emqx@127.0.0.1")).array()).isEmpty();
    JsonObject ofNode = ok(emqx.api.get("/api/v5/nodes/" + NODE + "/metrics")).object();
    assertThat(ofNode.fieldNames()).containsAll(SOME_METRICS).doesNotContain("node");
    assertThat(ofNode.getLong("client.connected")).isGreaterThanOrEqualTo(5);
  }
}
