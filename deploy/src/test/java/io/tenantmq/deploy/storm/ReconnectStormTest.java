package io.tenantmq.deploy.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.ClientEventType;
import io.tenantmq.control.event.EventStream;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.deploy.NodeFixture;
import io.tenantmq.deploy.demo.DemoCredentials;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconnect storm of issue 7 on two whole members: {@value #CLIENTS} clients each connect {@value #CONNECTIONS}
 * times, half of them alternating between the members; every other reconnect takes the live connection over (local
 * or remote takeover), the others first DISCONNECT. Afterwards, for every client, the stream, the registry and the
 * EMQX API agree on its one live channel, no event is missing, and the stream holds its channels in the order it
 * opened them.
 */
class ReconnectStormTest {

  static final int CLIENTS = Integer.getInteger("storm.clients", 1_000);
  static final int CONNECTIONS = 10;
  /** Clients storming at the same time; each runs its connections one after the other. */
  static final int PARALLEL = Integer.getInteger("storm.parallel", 128);
  static final AtomicInteger CONNECTED = new AtomicInteger();

  @TempDir
  static Path dirA;
  @TempDir
  static Path dirB;
  static NodeFixture a;
  static NodeFixture b;
  static String instanceId;
  static DemoCredentials.Emqx apiKey;

  @BeforeAll
  static void startTwoMembers() throws Exception {
    String cluster = "it-storm-" + NodeFixture.shortId();
    a = NodeFixture.start(dirA, null, cluster, "node-storm-a", List.of("127.0.0.1"));
    b = NodeFixture.start(dirB, null, cluster, "node-storm-b", List.of("127.0.0.1:" + a.node().clusterPort()));
    instanceId = a.node().demo().instanceId();
    apiKey = a.node().demo().emqx();
    await().atMost(Duration.ofSeconds(30)).until(() -> a.node().control().registry() != null
        && com.hazelcast.core.Hazelcast.getAllHazelcastInstances().stream()
        .filter(h -> h.getConfig().getClusterName().equals(cluster)).allMatch(h -> h.getCluster().getMembers().size() == 2));
  }

  @AfterAll
  static void stopMembers() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  /** Which member the {@code j}th connection of client {@code i} goes to. */
  static NodeFixture target(int i, int j) {
    boolean switching = i % 2 == 0;
    return switching ? (j % 2 == 0 ? a : b) : (i % 4 == 1 ? a : b);
  }

  static String nodeName(NodeFixture f) {
    return f == a ? "node-storm-a" : "node-storm-b";
  }

  @Test
  void afterTheStormStreamRegistryAndApiAgreeOnEveryClientWithNoLostEventsAndChannelsInOrder() throws Exception {
    String run = NodeFixture.shortId();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      ids.add("storm-" + run + "-" + i);
    }
    Map<String, Mqtt3AsyncClient> live = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    List<CompletableFuture<Void>> workers = new ArrayList<>();
    for (int w = 0; w < PARALLEL; w++) {
      workers.add(worker(ids, next, live));
    }
    CompletableFuture<Void> storm = CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new));
    while (!storm.isDone()) {
      try {
        storm.get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        System.out.printf("storm: %d connects after %d ms%n", CONNECTED.get(), (System.nanoTime() - started) / 1_000_000);
        assertThat(System.nanoTime() - started).as("storm duration").isLessThan(TimeUnit.SECONDS.toNanos(180));
      }
    }
    storm.get();
    long stormMillis = (System.nanoTime() - started) / 1_000_000;

    // every connection: connect; every closed one: tcpclean; every graceful reconnect (odd j): a disconnect before it
    int perClient = CONNECTIONS + (CONNECTIONS - 1) + CONNECTIONS / 2;
    await().atMost(Duration.ofSeconds(30)).until(() -> stormEvents(run).size() >= CLIENTS * perClient);
    Map<String, List<ClientEvent>> byClient = new HashMap<>();
    for (ClientEvent e : stormEvents(run)) {
      byClient.computeIfAbsent(e.clientId(), c -> new ArrayList<>()).add(e);
    }
    assertThat(byClient).hasSize(CLIENTS);

    HttpClient http = HttpClient.newHttpClient();
    String auth = "Basic " + Base64.getEncoder().encodeToString(
        (apiKey.apiKey() + ":" + apiKey.apiSecret()).getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < CLIENTS; i++) {
      String clientId = ids.get(i);
      List<ClientEvent> events = byClient.get(clientId);
      assertThat(events).as("events of %s", clientId).hasSize(perClient);
      List<ClientEvent> connects = assertChannelOrder(events);
      assertThat(connects).as("channels of %s", clientId).hasSize(CONNECTIONS);
      for (int j = 0; j < CONNECTIONS; j++) {
        assertThat(connects.get(j).node()).as("node of connection %d of %s", j, clientId)
            .isEqualTo(nodeName(target(i, j)));
      }
      String lastChannel = connects.get(CONNECTIONS - 1).channelId();

      Optional<ClientRecord> record = NodeFixture.join(a.node().control().registry().get(new ClientKey(instanceId, clientId)));
      assertThat(record).as("record of %s", clientId).isPresent();
      assertThat(record.get().connected()).isTrue();
      assertThat(record.get().channelId()).isEqualTo(lastChannel);
      assertThat(record.get().node()).isEqualTo(nodeName(target(i, CONNECTIONS - 1)));

      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(
              (i % 2 == 0 ? a : b).httpBase() + "/api/v5/clients/" + clientId)).header("Authorization", auth).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as("API answer for %s: %s", clientId, answer.body()).isEqualTo(200);
      JsonObject client = new JsonObject(answer.body());
      assertThat(client.getBoolean("connected")).isTrue();
      assertThat(client.getString("node")).isEqualTo(record.get().node());
    }
    System.out.printf("reconnect storm: %d clients x %d connections (%d connects) in %d ms%n", CLIENTS, CONNECTIONS,
        CLIENTS * CONNECTIONS, stormMillis);
    live.values().forEach(c -> c.disconnect());
  }

  /** Runs clients one after the other until none is left. */
  private static CompletableFuture<Void> worker(List<String> ids, AtomicInteger next, Map<String, Mqtt3AsyncClient> live) {
    int i = next.getAndIncrement();
    if (i >= ids.size()) {
      return CompletableFuture.completedFuture(null);
    }
    return connection(ids.get(i), i, 0, null, live).thenCompose(v -> worker(ids, next, live));
  }

  /**
   * The {@code j}th connection of client {@code i}: odd ones first disconnect the previous one, even ones take it
   * over while it is live. One client in four keeps its session (clean session false).
   */
  private static CompletableFuture<Void> connection(String clientId, int i, int j, Mqtt3AsyncClient previous,
                                                    Map<String, Mqtt3AsyncClient> live) {
    if (j == CONNECTIONS) {
      live.put(clientId, previous);
      return CompletableFuture.completedFuture(null);
    }
    NodeFixture on = target(i, j);
    Mqtt3AsyncClient client = Mqtt3Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(on.mqttPort()).buildAsync();
    CompletableFuture<?> before = previous != null && j % 2 == 1
        ? previous.disconnect() : CompletableFuture.completedFuture(null);
    return before
        .thenCompose(v -> client.connectWith().cleanSession(i % 4 != 3).keepAlive(60).send())
        .orTimeout(30, TimeUnit.SECONDS)
        .thenCompose(ack -> {
          CONNECTED.incrementAndGet();
          return connection(clientId, i, j + 1, client, live);
        });
  }

  /** The events of this run's clients in the demo instance's stream, oldest first. */
  private static List<ClientEvent> stormEvents(String run) throws Exception {
    EventStream stream = a.node().control().events();
    String prefix = "storm-" + run + "-";
    List<ClientEvent> found = new ArrayList<>();
    long from = 0;
    while (true) {
      List<ClientEvent> page = stream.read(instanceId, from, EventStream.MAX_READ).toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      if (page.isEmpty()) {
        return found;
      }
      page.stream().filter(e -> e.clientId().startsWith(prefix)).forEach(found::add);
      from = page.get(page.size() - 1).offset() + 1;
    }
  }

  /**
   * Asserts that the client's channels follow one another (each one's events contiguous: connect, maybe disconnect,
   * tcpclean; only the last without tcpclean) and returns their connects in stream order.
   */
  private static List<ClientEvent> assertChannelOrder(List<ClientEvent> events) {
    List<ClientEvent> connects = new ArrayList<>();
    String current = null;
    boolean cleaned = true;
    for (ClientEvent e : events) {
      if (!e.channelId().equals(current)) {
        assertThat(cleaned).as("channel %s ended before %s began: %s", current, e.channelId(), events).isTrue();
        assertThat(e.type()).as("channel %s begins with connect: %s", e.channelId(), events)
            .isEqualTo(ClientEventType.CONNECT);
        assertThat(connects).extracting(ClientEvent::channelId).doesNotContain(e.channelId());
        current = e.channelId();
        connects.add(e);
        cleaned = false;
        continue;
      }
      assertThat(cleaned).as("nothing after the tcpclean of %s: %s", current, events).isFalse();
      assertThat(e.type()).isNotEqualTo(ClientEventType.CONNECT);
      cleaned = e.type() == ClientEventType.TCPCLEAN;
    }
    assertThat(cleaned).as("the live channel %s has no tcpclean: %s", current, events).isFalse();
    return connects;
  }
}
