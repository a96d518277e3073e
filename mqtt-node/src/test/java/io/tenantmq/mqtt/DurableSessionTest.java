package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.persistence.DurableStore;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.mqtt.qos.Outbound;
import io.tenantmq.mqtt.route.Message;
import io.tenantmq.mqtt.session.SessionState;
import io.tenantmq.mqtt.session.StoredSession;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Persistent sessions outlive the node that holds them: stored in the cluster's sessions map (kept by its backups when
 * a member dies), adopted by a live node so that messages keep queueing, and resumed wherever the client reconnects.
 */
class DurableSessionTest extends TwoNodeClusterTest {

  private static ClientKey key(String clientId) {
    return new ClientKey(TestNode.INSTANCE_ID, clientId);
  }

  private static Optional<StoredSession> stored(TestNode on, String clientId) throws Exception {
    return on.node.sessionStore().get(key(clientId)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static int storedPending(TestNode on, String clientId) throws Exception {
    return stored(on, clientId).map(s -> s.decode().pending().size()).orElse(-1);
  }

  private static MqttConnectOptions persistent() {
    return TestClients.paho3Options(MqttConnectOptions.MQTT_VERSION_3_1_1, false);
  }

  /** A persistent MQTT 3 session on {@code on} subscribed to {@code topic} at QoS 1, whose client has gone away. */
  private static void offlineSession(TestNode on, String clientId, String topic) throws Exception {
    MqttClient client = TestClients.paho3(on.mqttPort(), clientId, null);
    assertThat(client.connectWithResult(persistent()).getSessionPresent()).isFalse();
    client.subscribe(topic, 1);
    client.disconnect();
    client.close();
    PersistentSessionTest.awaitOffline(on, clientId);
  }

  /** Writes a stored session straight into the cluster's map, as a node that is gone (or long ago) left it. */
  private static void plant(String clientId, String node, Map<String, Integer> subscriptions, List<String> queued,
                            long expirySeconds, long offlineSinceMillis) {
    List<Outbound> pending = new ArrayList<>();
    for (String payload : queued) {
      Message m = new Message(TestNode.INSTANCE_ID, subscriptions.keySet().iterator().next(), Buffer.buffer(payload), 1,
          false, null);
      pending.add(new Outbound(m, 1, false, offlineSinceMillis));
    }
    SessionState state = new SessionState(System.currentTimeMillis() - 1000, subscriptions, List.of(), pending, Set.of());
    a.member.hazelcast().<ClientKey, StoredSession>getMap(MapNames.SESSIONS).set(key(clientId),
        new StoredSession(TestNode.INSTANCE_ID, node, UUID.randomUUID().toString(), state.encode().getBytes(),
            expirySeconds, offlineSinceMillis));
  }

  /** Waits until one of the survivors adopted the client's session, asserts that only one did, and returns it. */
  private static TestNode awaitAdopter(String clientId) throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> a.node.sessions().get(key(clientId)) != null
        || b.node.sessions().get(key(clientId)) != null);
    TestNode adopter = a.node.sessions().get(key(clientId)) != null ? a : b;
    TestNode other = adopter == a ? b : a;
    assertThat(other.node.sessions().get(key(clientId))).as("exactly one adopter").isNull();
    assertThat(stored(a, clientId).orElseThrow().node()).isEqualTo(adopter.node.nodeName());
    return adopter;
  }

  /** Publishes from node A once A routes {@code topic} to {@code to}. */
  private static void publishTo(TestNode to, String topic, String payload) {
    if (to != a) {
      TestClients.awaitRoute(a, topic, to.node.nodeName());
    }
    TestClients.publish(pubA, topic, payload, 1);
  }

  /** Reconnects the persistent client to {@code on}, asserts session present and the messages it gets, in order. */
  private static void resumeAndExpect(TestNode on, String clientId, String... payloads) throws Exception {
    Inbox inbox = new Inbox();
    MqttClient client = TestClients.paho3(on.mqttPort(), clientId, inbox);
    try {
      assertThat(client.connectWithResult(persistent()).getSessionPresent()).as("session present").isTrue();
      assertThat(inbox.awaitExactly(payloads.length)).extracting(Inbox.Msg::payload).containsExactly(payloads);
    } finally {
      client.disconnect();
      client.close();
    }
  }

  @Test
  void sessionSurvivesACleanStopOfItsNode() throws Exception {
    TestNode c = TestNode.start(clusterName, "node-c-" + unique("stop"), new MqttNodeOptions());
    String clientId = unique("stopped");
    String topic = unique("durable/stop");
    offlineSession(c, clientId, topic);
    TestClients.awaitRoute(a, topic, c.node.nodeName());
    for (int i = 0; i < 3; i++) {
      TestClients.publish(pubA, topic, "before-" + i, 1);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> storedPending(a, clientId) == 3);

    c.close(); // what SIGTERM runs

    // a survivor adopts the session: what is published now queues there
    TestNode adopter = awaitAdopter(clientId);
    publishTo(adopter, topic, "after-stop");

    // the client comes back on the other survivor, which takes the session from the adopter
    TestNode other = adopter == a ? b : a;
    resumeAndExpect(other, clientId, "before-0", "before-1", "before-2", "after-stop");
    assertThat(adopter.node.sessions().get(key(clientId))).as("handed over to the client's node").isNull();
  }

  @Test
  void sessionSurvivesACrashOfItsNode() throws Exception {
    TestNode c = TestNode.start(clusterName, "node-c-" + unique("crash"), new MqttNodeOptions());
    String clientId = unique("crashed");
    String topic = unique("durable/crash");
    offlineSession(c, clientId, topic);
    TestClients.awaitRoute(a, topic, c.node.nodeName());
    for (int i = 0; i < 3; i++) {
      TestClients.publish(pubA, topic, "before-" + i, 1);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> storedPending(a, clientId) == 3);

    c.crash(); // kill -9: nothing reaches the cluster any more

    TestNode adopter = awaitAdopter(clientId);
    publishTo(adopter, topic, "after-crash");

    TestNode other = adopter == a ? b : a;
    resumeAndExpect(other, clientId, "before-0", "before-1", "before-2", "after-crash");
    // the resumed session keeps its subscription on its new node
    Inbox inbox = new Inbox();
    MqttClient again = TestClients.paho3(other.mqttPort(), clientId, inbox);
    try {
      assertThat(again.connectWithResult(persistent()).getSessionPresent()).isTrue();
      publishTo(other, topic, "live");
      assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("live");
    } finally {
      again.disconnect();
      again.close();
    }
  }

  @Test
  void storedSessionOfAGoneNodeIsResumedWhereTheClientConnects() throws Exception {
    String clientId = unique("orphan");
    String topic = unique("durable/orphan");
    plant(clientId, "node-gone", Map.of(topic, 1), List.of("kept-1", "kept-2"), 300, System.currentTimeMillis());

    resumeAndExpect(b, clientId, "kept-1", "kept-2");
    assertThat(stored(b, clientId).orElseThrow().node()).isEqualTo("node-b");
  }

  @Test
  void expiredStoredSessionIsNotResumed() throws Exception {
    String clientId = unique("expired");
    String topic = unique("durable/expired");
    plant(clientId, "node-gone", Map.of(topic, 1), List.of("stale"), 60, System.currentTimeMillis() - 120_000);

    Inbox inbox = new Inbox();
    Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(b.mqttPort()).buildBlocking();
    client.toAsync().publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL, inbox::accept);
    try {
      assertThat(client.connectWith().cleanStart(false).sessionExpiryInterval(300).send().isSessionPresent()).isFalse();
      TestClients.publish(pubA, topic, "for the expired subscription", 1);
      inbox.assertStaysAt(0);
      assertThat(stored(b, clientId).orElseThrow().decode().subscriptions()).isEmpty();
    } finally {
      client.disconnect();
    }
  }

  @Test
  void cleanStartRemovesTheStoredSession() throws Exception {
    String clientId = unique("cleaned");
    offlineSession(b, clientId, unique("durable/clean"));
    assertThat(stored(a, clientId)).isPresent();

    MqttClient clean = TestClients.paho3(a.mqttPort(), clientId, null);
    assertThat(clean.connectWithResult(TestClients.paho3Options(MqttConnectOptions.MQTT_VERSION_3_1_1, true))
        .getSessionPresent()).isFalse();
    try {
      assertThat(stored(a, clientId)).isEmpty();
      await().atMost(Duration.ofSeconds(5)).until(() -> b.node.sessions().get(key(clientId)) == null);
    } finally {
      clean.disconnect();
      clean.close();
    }
  }

  @Test
  void disconnectWithExpiryZeroRemovesTheStoredSession() throws Exception {
    String clientId = unique("leaving");
    Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(a.mqttPort()).buildBlocking();
    client.connectWith().cleanStart(true).sessionExpiryInterval(300).send();
    client.subscribeWith().topicFilter(unique("durable/leaving")).qos(TestClients.qos(1)).send();
    // SUBACK comes once the subscription is stored
    assertThat(stored(a, clientId).orElseThrow().decode().subscriptions()).hasSize(1);
    client.disconnectWith().sessionExpiryInterval(0).send();
    await().atMost(Duration.ofSeconds(5)).until(() -> stored(a, clientId).isEmpty());
  }

  @Test
  void currentConnectionClaimsItsStoredSessionBackFromALateClaim() throws Exception {
    String clientId = unique("reclaim");
    String topic = unique("durable/reclaim");
    MqttClient client = TestClients.paho3(a.mqttPort(), clientId, null);
    client.connect(persistent());
    try {
      String channelId = TestClients.record(a, clientId).orElseThrow().channelId();
      assertThat(stored(a, clientId).orElseThrow().incarnation()).isEqualTo(channelId);
      // what the claim of a connection this one took over would leave behind, had it landed late
      plant(clientId, "node-gone", Map.of(unique("durable/stale"), 1), List.of(), 300, 0);

      client.subscribe(topic, 1);

      StoredSession now = stored(a, clientId).orElseThrow();
      assertThat(now.incarnation()).isEqualTo(channelId);
      assertThat(now.node()).isEqualTo("node-a");
      assertThat(now.decode().subscriptions()).containsOnlyKeys(topic);
    } finally {
      client.disconnect();
      client.close();
    }
  }

  @Test
  void burstOfQueuedMessagesCostsFewMapWrites() throws Exception {
    String clientId = unique("burst");
    String topic = unique("durable/burst");
    offlineSession(a, clientId, topic);
    int count = MqttNodeOptions.DEFAULT_MAX_QUEUED_MESSAGES;
    long writesBefore = a.node.sessionStore().writes();
    long started = System.nanoTime();
    List<CompletableFuture<Mqtt5PublishResult>> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sent.add(pubA.toAsync().publishWith().topic(topic).qos(TestClients.qos(1)).payload(TestClients.utf8("m" + i)).send());
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> storedPending(a, clientId) == count);
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    long writes = a.node.sessionStore().writes() - writesBefore;

    System.out.printf("%d queued messages stored in %d map writes over %d ms%n", count, writes, elapsedMillis);
    // one write starts at most every 100 ms, plus the one that catches up at the end
    assertThat(writes).isLessThanOrEqualTo(elapsedMillis / 100 + 2).isLessThan(count / 10);

    Inbox inbox = new Inbox();
    MqttClient client = TestClients.paho3(a.mqttPort(), clientId, inbox);
    try {
      assertThat(client.connectWithResult(persistent()).getSessionPresent()).isTrue();
      assertThat(inbox.await(count)).hasSize(count);
    } finally {
      client.disconnect();
      client.close();
    }
  }

  @Test
  void startingNodeAdoptsStoredSessionsOfGoneNodes() throws Exception {
    String clientId = unique("adopted");
    String topic = unique("durable/adopted");
    plant(clientId, "node-gone-at-start", Map.of(topic, 1), List.of("queued-before"), 300, System.currentTimeMillis());
    String shortLived = unique("adopted-short");
    plant(shortLived, "node-gone-at-start", Map.of(unique("durable/short"), 1), List.of(), 5, System.currentTimeMillis());

    TestNode e = TestNode.start(clusterName, "node-e-" + unique("start"), new MqttNodeOptions());
    try {
      assertThat(e.node.sessions().get(key(clientId))).as("adopted before listening").isNotNull();
      assertThat(a.node.sessions().get(key(clientId))).isNull();
      assertThat(b.node.sessions().get(key(clientId))).isNull();
      // its subscription routes again: a message published now queues for the offline client
      TestClients.awaitRoute(a, topic, e.node.nodeName());
      TestClients.publish(pubA, topic, "queued-after", 1);
      await().atMost(Duration.ofSeconds(5)).until(() -> storedPending(a, clientId) == 2);

      resumeAndExpect(b, clientId, "queued-before", "queued-after");
      // an adopted session still ends when its expiry interval has passed since its client left
      await().atMost(Duration.ofSeconds(15)).until(() -> stored(a, shortLived).isEmpty()
          && e.node.sessions().get(key(shortLived)) == null);
    } finally {
      e.close();
    }
  }

  @Test
  void sessionsComeBackWhenTheWholeClusterRestartsFromItsDatabase(@TempDir Path dataDir) throws Exception {
    String clientId = unique("restarted");
    String topic = unique("durable/restart");
    try (DurableStore store = DurableStore.open(DurableStore.h2Url(dataDir))) {
      TestNode alone = TestNode.start(TestNode.newClusterName(), "node-r", new MqttNodeOptions(), store);
      offlineSession(alone, clientId, topic);
      Mqtt5BlockingClient publisher = TestClients.v5(alone.mqttPort(), unique("pub-r"));
      TestClients.publish(publisher, topic, "before-1", 1);
      TestClients.publish(publisher, topic, "before-2", 1);
      await().atMost(Duration.ofSeconds(5)).until(() -> storedPending(alone, clientId) == 2);
      alone.crash(); // the only member: the cluster's memory is gone, the database is all that is left
    }

    try (DurableStore store = DurableStore.open(DurableStore.h2Url(dataDir))) {
      // a new cluster, and a node of the same name: its stored sessions are left from its previous run
      TestNode again = TestNode.start(TestNode.newClusterName(), "node-r", new MqttNodeOptions(), store);
      try {
        assertThat(again.node.sessions().get(key(clientId))).as("adopted at start").isNotNull();
        Mqtt5BlockingClient publisher = TestClients.v5(again.mqttPort(), unique("pub-r"));
        TestClients.publish(publisher, topic, "while-still-away", 1);
        publisher.disconnect();
        resumeAndExpect(again, clientId, "before-1", "before-2", "while-still-away");
      } finally {
        again.close();
      }
    }
  }

  @Test
  void concurrentAdoptersEachGetEveryOrphanExactlyOnce() throws Exception {
    String gone = "node-gone-" + unique("race");
    String topic = unique("durable/race");
    Set<String> planted = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      String clientId = unique("race");
      planted.add(clientId);
      plant(clientId, gone, Map.of(topic, 1), List.of(), 300, System.currentTimeMillis());
    }
    long now = System.currentTimeMillis();
    Set<String> live = a.nodes.liveNodes();
    var byA = a.node.sessionStore().adoptOrphans("node-a", "inc-a", live, false, now).toCompletionStage().toCompletableFuture();
    var byB = b.node.sessionStore().adoptOrphans("node-b", "inc-b", live, false, now).toCompletionStage().toCompletableFuture();
    Set<String> gotA = clientIds(byA.get(30, TimeUnit.SECONDS).keySet(), planted);
    Set<String> gotB = clientIds(byB.get(30, TimeUnit.SECONDS).keySet(), planted);

    Set<String> both = new HashSet<>(gotA);
    both.retainAll(gotB);
    assertThat(both).as("adopted by both").isEmpty();
    Set<String> all = new HashSet<>(gotA);
    all.addAll(gotB);
    assertThat(all).isEqualTo(planted);
    for (String clientId : planted) {
      assertThat(stored(a, clientId).orElseThrow().node()).isEqualTo(gotA.contains(clientId) ? "node-a" : "node-b");
      a.member.hazelcast().getMap(MapNames.SESSIONS).delete(key(clientId));
    }
  }

  private static Set<String> clientIds(Set<ClientKey> keys, Set<String> of) {
    Set<String> ids = new HashSet<>();
    keys.stream().map(ClientKey::clientId).filter(of::contains).forEach(ids::add);
    return ids;
  }
}
