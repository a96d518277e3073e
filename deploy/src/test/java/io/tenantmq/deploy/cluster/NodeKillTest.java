package io.tenantmq.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.tenantmq.deploy.NodeFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member killed with SIGKILL while it holds 200 clients (plain MQTT 3.1.1 ones, MQTT 5 ones with wills, persistent
 * MQTT 5 sessions with a subscription each). Three members, each its own JVM started from the launcher, one shared H2
 * database in AUTO_SERVER mode (the first member serves it; the victim is the youngest member and not that one), failure
 * detection 3 s. What the survivors must show, in order: every client DISCONNECTED within detection time + 2 s of the
 * kill; the wills delivered to a subscriber on a survivor; exactly one {@code tcpclean} with reason {@code node_down}
 * per client in the instance's stream; the persistent sessions resumed on a survivor with their subscriptions; and no
 * client counted online twice anywhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeKillTest {

  static final int FAILURE_DETECTION_SECONDS = 3;
  static final Duration OFFLINE_DEADLINE = Duration.ofSeconds(FAILURE_DETECTION_SECONDS + 2);
  static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  static final int PLAIN = 150;
  static final int WITH_WILL = 25;
  static final int PERSISTENT = 25;
  static final int CLIENTS = PLAIN + WITH_WILL + PERSISTENT;

  @TempDir
  static Path base;
  static final List<MemberProcess> members = new CopyOnWriteArrayList<>();
  static final List<Runnable> clientCleanup = new CopyOnWriteArrayList<>();
  static final Thread killAllOnExit = new Thread(() -> members.forEach(MemberProcess::destroy), "kill-members");
  static final String run = "kill-" + NodeFixture.shortId();
  static MemberProcess survivor1;
  static MemberProcess survivor2;
  static MemberProcess victim;
  static String instanceId;
  static final List<String> plainIds = ids("plain", PLAIN);
  static final List<String> willIds = ids("will", WITH_WILL);
  static final List<String> persistentIds = ids("session", PERSISTENT);
  static final BlockingQueue<Mqtt5Publish> wills = new LinkedBlockingQueue<>();
  static long killedAtNanos;

  @BeforeAll
  static void threeMembersThenClientsOnOneThenKillIt() throws Exception {
    // should the test JVM itself be stopped, the members must not outlive it
    Runtime.getRuntime().addShutdownHook(killAllOnExit);
    int[] clusterPorts = IntStream.range(0, 3).map(i -> freePort()).toArray();
    List<String> cluster = List.of("--cluster-name", run,
        "--cluster-members", "127.0.0.1:" + clusterPorts[0] + ",127.0.0.1:" + clusterPorts[1] + ",127.0.0.1:"
            + clusterPorts[2],
        "--jdbc-url", "jdbc:h2:file:" + base.resolve("shared").toAbsolutePath() + ";AUTO_SERVER=TRUE",
        "--failure-detection-seconds", String.valueOf(FAILURE_DETECTION_SECONDS));
    survivor1 = launch("survivor-1", clusterPorts[0], cluster);
    // the first to open the H2 file serves it to the others (its lock file names the server): survivor-1, not the
    // victim, whose death would move the database under the survivors' feet
    await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
        .until(() -> Files.exists(base.resolve("shared.lock.db")) || !survivor1.process().isAlive());
    survivor2 = launch("survivor-2", clusterPorts[1], cluster);
    victim = launch("victim", clusterPorts[2], cluster);
    survivor1.awaitServing(START_TIMEOUT);
    survivor2.awaitServing(START_TIMEOUT);
    victim.awaitServing(START_TIMEOUT);
    instanceId = ClusterApi.JSON.readTree(survivor1.dataDir().resolve("demo-credentials.json").toFile())
        .get("instanceId").asText();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
        survivor1.api().get("/api/v5/nodes").findValuesAsText("node")).containsExactlyInAnyOrder(
        "survivor-1", "survivor-2", "victim"));

    Mqtt5AsyncClient willSubscriber = mqtt5(run + "-will-subscriber", survivor1.mqttPort());
    willSubscriber.publishes(MqttGlobalPublishFilter.ALL, wills::add);
    willSubscriber.connect().get(30, TimeUnit.SECONDS);
    willSubscriber.subscribeWith().topicFilter(run + "/will/#").qos(MqttQos.AT_LEAST_ONCE).send()
        .get(30, TimeUnit.SECONDS);

    int victimPort = victim.mqttPort();
    List<CompletableFuture<?>> connecting = new ArrayList<>();
    for (String id : plainIds) {
      Mqtt3AsyncClient c = Mqtt3Client.builder().identifier(id).serverHost("127.0.0.1").serverPort(victimPort)
          .buildAsync();
      clientCleanup.add(() -> c.disconnect());
      connecting.add(c.connectWith().cleanSession(true).keepAlive(60).send());
    }
    for (String id : willIds) {
      Mqtt5AsyncClient c = mqtt5(id, victimPort);
      connecting.add(c.connectWith().willPublish().topic(run + "/will/" + id)
          .payload(("gone: " + id).getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).applyWillPublish()
          .send());
    }
    for (String id : persistentIds) {
      Mqtt5AsyncClient c = mqtt5(id, victimPort);
      connecting.add(c.connectWith().cleanStart(true).sessionExpiryInterval(3600).send()
          .thenCompose(ack -> c.subscribeWith().topicFilter(run + "/session/" + id).qos(MqttQos.AT_LEAST_ONCE)
              .send()));
    }
    CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    ClusterApi api1 = survivor1.api();
    ClusterApi api2 = survivor2.api();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      // the victim's clients and the will subscriber, seen alike from both survivors
      assertThat(api1.connectedCount(run + "-")).isEqualTo(CLIENTS + 1);
      assertThat(api2.connectedCount(run + "-")).isEqualTo(CLIENTS + 1);
    });
    assertThat(liveConnections(api1)).isEqualTo(CLIENTS + 1);

    victim.kill();
    killedAtNanos = System.nanoTime();
  }

  @AfterAll
  static void killEverything() {
    clientCleanup.forEach(c -> {
      try {
        c.run();
      } catch (RuntimeException ignored) {
        // the client's server may be gone
      }
    });
    members.forEach(MemberProcess::destroy);
    Runtime.getRuntime().removeShutdownHook(killAllOnExit);
  }

  @Test
  @Order(1)
  void everyClientOfTheKilledMemberIsDisconnectedWithinDetectionTimePlusTwoSeconds() throws IOException {
    ClusterApi api1 = survivor1.api();
    ClusterApi api2 = survivor2.api();
    Duration left = OFFLINE_DEADLINE.minusNanos(System.nanoTime() - killedAtNanos);
    await().atMost(left.isNegative() ? Duration.ZERO : left).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
      // the will subscriber on survivor-1 is the only client of this run still connected
      assertThat(api1.connectedCount(run + "-")).isEqualTo(1);
      assertThat(api2.connectedCount(run + "-")).isEqualTo(1);
    });
    System.out.printf("all %d clients of the killed member offline %d ms after SIGKILL%n", CLIENTS,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAtNanos));
    for (String id : persistentIds) {
      // a persistent session outlives its connection (listed as not connected) or is not listed at all until it
      // resumes; either way no survivor calls it connected
      for (ClusterApi api : List.of(api1, api2)) {
        assertThat(api.status("/api/v5/clients/" + id) == 404
            || !api.client(id).get("connected").asBoolean()).as(id + " offline").isTrue();
      }
    }
    for (String id : plainIds.subList(0, 10)) {
      // as EMQX: a clean client that is gone is not listed
      assertThat(api2.status("/api/v5/clients/" + id)).as(id).isEqualTo(404);
    }
  }

  @Test
  @Order(2)
  void theWillsOfItsClientsReachASubscriberOnASurvivor() throws InterruptedException {
    Map<String, Integer> received = new HashMap<>();
    long end = killedAtNanos + TimeUnit.SECONDS.toNanos(15);
    while (received.size() < WITH_WILL && System.nanoTime() < end) {
      Mqtt5Publish p = wills.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (p != null) {
        received.merge(p.getTopic().toString(), 1, Integer::sum);
      }
    }
    // a second copy of any will would arrive right behind the first ones
    Mqtt5Publish late;
    while ((late = wills.poll(1, TimeUnit.SECONDS)) != null) {
      received.merge(late.getTopic().toString(), 1, Integer::sum);
    }
    Map<String, Integer> expected = new HashMap<>();
    willIds.forEach(id -> expected.put(run + "/will/" + id, 1));
    assertThat(received).isEqualTo(expected);
  }

  @Test
  @Order(3)
  void theStreamHoldsExactlyOneNodeDownTcpcleanPerClientForItsChannel() throws IOException {
    ClusterApi api = survivor2.api();
    String group = run + "-reader";
    String messages = "/api/v5/event-streams/" + instanceId + "/messages?consumer_group=" + group
        + "&tags=connect%7C%7Ctcpclean&from=first&max=1000&wait_seconds=1";
    Map<String, List<JsonNode>> byClient = new HashMap<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    int emptyPulls = 0;
    // read to the end: until every client's tcpclean is in and one more pull brings nothing
    while (System.nanoTime() < end && (tcpcleans(byClient) < CLIENTS || emptyPulls == 0)) {
      JsonNode page = api.get(messages);
      List<String> handles = new ArrayList<>();
      page.get("messages").forEach(m -> {
        handles.add(m.get("receipt_handle").asText());
        JsonNode body = m.get("body");
        if (body.get("clientId").asText().startsWith(run + "-") && !body.get("clientId").asText().endsWith("subscriber")) {
          byClient.computeIfAbsent(body.get("clientId").asText(), k -> new ArrayList<>()).add(body);
        }
      });
      emptyPulls = handles.isEmpty() ? emptyPulls + 1 : 0;
      if (!handles.isEmpty()) {
        api.post("/api/v5/event-streams/" + instanceId + "/ack", ClusterApi.JSON.createObjectNode()
            .put("consumer_group", group).set("receipt_handles", ClusterApi.JSON.valueToTree(handles)).toString());
      }
    }
    assertThat(byClient).hasSize(CLIENTS);
    byClient.forEach((clientId, events) -> {
      assertThat(events).as(clientId).extracting(e -> e.get("eventType").asText()).containsExactly("connect", "tcpclean");
      JsonNode tcpclean = events.get(1);
      assertThat(tcpclean.get("reason").asText()).as(clientId).isEqualTo("node_down");
      assertThat(tcpclean.get("channelId").asText()).as(clientId).isEqualTo(events.get(0).get("channelId").asText());
    });
  }

  @Test
  @Order(4)
  void persistentSessionsResumeOnASurvivorWithTheirSubscriptions() throws Exception {
    int port = survivor2.mqttPort();
    Map<String, BlockingQueue<Mqtt5Publish>> inboxes = new HashMap<>();
    List<CompletableFuture<Boolean>> resumed = new ArrayList<>();
    for (String id : persistentIds) {
      BlockingQueue<Mqtt5Publish> inbox = new LinkedBlockingQueue<>();
      inboxes.put(id, inbox);
      Mqtt5AsyncClient c = mqtt5(id, port);
      c.publishes(MqttGlobalPublishFilter.ALL, inbox::add);
      resumed.add(c.connectWith().cleanStart(false).sessionExpiryInterval(3600).send()
          .thenApply(ack -> ack.isSessionPresent()));
    }
    for (int i = 0; i < PERSISTENT; i++) {
      assertThat(resumed.get(i).get(30, TimeUnit.SECONDS)).as("session present: " + persistentIds.get(i)).isTrue();
    }
    // no SUBSCRIBE since the kill: the subscriptions came back with the sessions
    Mqtt5AsyncClient publisher = mqtt5(run + "-publisher", survivor1.mqttPort());
    publisher.connect().get(30, TimeUnit.SECONDS);
    for (String id : persistentIds) {
      publisher.publishWith().topic(run + "/session/" + id).payload(id.getBytes(StandardCharsets.UTF_8))
          .qos(MqttQos.AT_LEAST_ONCE).send().get(30, TimeUnit.SECONDS);
    }
    for (String id : persistentIds) {
      Mqtt5Publish p = inboxes.get(id).poll(20, TimeUnit.SECONDS);
      assertThat(p).as("message for " + id).isNotNull();
      assertThat(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo(id);
    }
    publisher.disconnect().get(30, TimeUnit.SECONDS);
  }

  @Test
  @Order(5)
  void noSurvivorCountsAClientOnlineTwice() throws IOException {
    // after the resume: the will subscriber on survivor-1, the resumed sessions on survivor-2, nothing of the victim
    for (ClusterApi api : List.of(survivor1.api(), survivor2.api())) {
      assertThat(api.get("/api/v5/nodes").findValuesAsText("node"))
          .containsExactlyInAnyOrder("survivor-1", "survivor-2");
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        assertThat(api.connectedCount(run + "-")).isEqualTo(PERSISTENT + 1);
        assertThat(api.connectedCount(run + "-session-")).isEqualTo(PERSISTENT);
        assertThat(liveConnections(api)).isEqualTo(PERSISTENT + 1);
      });
      JsonNode perNode = api.get("/api/v5/stats");
      Map<String, Integer> live = new HashMap<>();
      perNode.forEach(n -> live.put(n.get("node").asText(), n.get("live_connections.count").asInt()));
      assertThat(live).isEqualTo(Map.of("survivor-1", 1, "survivor-2", PERSISTENT));
    }
  }

  /** {@code live_connections.count} of {@code GET /api/v5/stats?aggregate=true}: the instance's connections, summed. */
  private static int liveConnections(ClusterApi api) {
    return api.get("/api/v5/stats?aggregate=true").get("live_connections.count").asInt();
  }

  private static int tcpcleans(Map<String, List<JsonNode>> byClient) {
    return (int) byClient.values().stream().flatMap(List::stream)
        .filter(e -> "tcpclean".equals(e.get("eventType").asText())).count();
  }

  private static MemberProcess launch(String name, int clusterPort, List<String> cluster) throws IOException {
    List<String> flags = new ArrayList<>(cluster);
    flags.addAll(List.of("--cluster-port", String.valueOf(clusterPort)));
    MemberProcess member = MemberProcess.launch(name, base.resolve(name), flags);
    members.add(member);
    return member;
  }

  private static Mqtt5AsyncClient mqtt5(String clientId, int port) {
    Mqtt5AsyncClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port)
        .buildAsync();
    clientCleanup.add(() -> c.disconnect());
    return c;
  }

  private static List<String> ids(String kind, int count) {
    return IntStream.range(0, count).mapToObj(i -> String.format("%s-%s-%03d", run, kind, i)).toList();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
