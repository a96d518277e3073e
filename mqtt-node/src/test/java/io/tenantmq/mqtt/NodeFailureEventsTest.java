package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.ClientEventType;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.ClientState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The event stream across nodes: a client's channels stay in order when it moves between members, and when a member
 * crashes each of its connections ends exactly once (one tcpclean {@code node_down}, its will published once by a
 * survivor), also for clients that reconnect to a survivor while the crash is being handled.
 */
class NodeFailureEventsTest extends TwoNodeClusterTest {

  private static RawMqttClient.Will will(String topic, String payload) {
    return new RawMqttClient.Will(topic, TestClients.utf8(payload), 1, false);
  }

  /** A third member, the one that crashes or stops; {@code a}, the oldest, sweeps after it. */
  private static TestNode victim() throws Exception {
    TestNode v = TestNode.start(clusterName, unique("node-v"), new MqttNodeOptions());
    await().atMost(Duration.ofSeconds(20)).until(() -> a.nodes.liveNodes().size() == 3);
    return v;
  }

  private static Optional<ClientRecord> record(String clientId) throws Exception {
    return TestClients.record(a, clientId);
  }

  private static String channelOf(String clientId) throws Exception {
    return record(clientId).orElseThrow().channelId();
  }

  private static List<ClientEvent> eventsOf(String clientId) throws Exception {
    return TestEvents.of(a, clientId);
  }

  @Test
  void aClientMovingBetweenMembersHasItsChannelsInOrder() throws Exception {
    String clientId = unique("hop");
    List<String> channels = new ArrayList<>();
    List<RawMqttClient> open = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      TestNode on = i % 2 == 0 ? a : b;
      // the previous connection is still open on the other member: each CONNECT is a remote takeover
      open.add(RawMqttClient.connect(on.mqttPort(), clientId, i % 3 == 0));
      channels.add(channelOf(clientId));
    }
    open.get(open.size() - 1).close();

    await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(clientId).size() == 16);
    List<ClientEvent> events = eventsOf(clientId);
    assertThat(TestEvents.assertChannelOrder(events, false)).isEqualTo(channels);
    for (int i = 0; i < 7; i++) {
      // the next CONNECT's clean flag decides: a clean start discards the session, otherwise it is taken over
      assertThat(TestEvents.tcpcleanReason(events, channels.get(i))).isEqualTo((i + 1) % 3 == 0 ? "discarded" : "takenover");
    }
    assertThat(TestEvents.tcpcleanReason(events, channels.get(7))).isEqualTo("tcp_closed");
    for (RawMqttClient c : open) {
      c.close();
    }
  }

  @Test
  void aCleanStopEndsItsConnectionsAsShutdown() throws Exception {
    TestNode v = victim();
    String clientId = unique("stopped");
    Mqtt5BlockingClient client = TestClients.v5(v.mqttPort(), clientId);
    String channel = channelOf(clientId);
    v.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(clientId).size() == 2);
    assertThat(TestEvents.tcpcleanReason(eventsOf(clientId), channel)).isEqualTo("shutdown");
    assertThat(record(clientId)).isEmpty();
    assertThat(client.getState().isConnected()).isFalse();
  }

  @Test
  void aCrashEndsEachOfItsConnectionsOnceAsNodeDownAndASurvivorPublishesEachWillOnce() throws Exception {
    TestNode v = victim();
    String base = unique("crash");
    Inbox wills = new Inbox();
    Mqtt5BlockingClient watcher = TestClients.v5Subscriber(a.mqttPort(), unique("watch"), base + "/#", 1, wills);
    TestClients.awaitRoute(v, base + "/#", a.node.nodeName());
    Map<String, String> channels = new LinkedHashMap<>();
    List<RawMqttClient> clients = new ArrayList<>();
    int withWill = 0;
    for (int i = 0; i < 12; i++) {
      String clientId = unique("dying" + i);
      boolean hasWill = i % 2 == 0;
      withWill += hasWill ? 1 : 0;
      clients.add(RawMqttClient.connect(v.mqttPort(), clientId, i % 3 != 0, 60,
          hasWill ? will(base + "/" + clientId, "gone " + clientId) : null));
      channels.put(clientId, channelOf(clientId));
    }

    v.crash();

    // detection (Hazelcast: at most 6 s without heartbeat) + the sweep
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      for (String clientId : channels.keySet()) {
        if (record(clientId).map(ClientRecord::connected).orElse(false)) {
          return false;
        }
      }
      return true;
    });
    await().atMost(Duration.ofSeconds(10)).until(() ->
        channels.keySet().stream().allMatch(id -> uncheckedEvents(id).size() == 2));
    channels.forEach((clientId, channel) -> {
      List<ClientEvent> events = uncheckedEvents(clientId);
      assertThat(events).extracting(ClientEvent::type).containsExactly(ClientEventType.CONNECT, ClientEventType.TCPCLEAN);
      assertThat(TestEvents.tcpcleanReason(events, channel)).isEqualTo("node_down");
      assertThat(events.get(1).node()).isEqualTo(events.get(0).node());
    });
    int expectedWills = withWill;
    await().atMost(Duration.ofSeconds(30)).until(() -> wills.all().size() >= expectedWills);
    wills.assertStaysAt(expectedWills);
    assertThat(wills.payloads()).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).startsWith("gone "));
    int i = 0;
    for (String clientId : channels.keySet()) {
      if (i++ % 3 == 0) {
        // a persistent session's record stays, DISCONNECTED, as after any close
        assertThat(record(clientId)).get().extracting(ClientRecord::state).isEqualTo(ClientState.DISCONNECTED);
      } else {
        await().atMost(Duration.ofSeconds(5)).until(() -> record(clientId).isEmpty());
      }
    }
    watcher.disconnect();
    for (RawMqttClient c : clients) {
      c.close();
    }
  }

  @Test
  void clientsReconnectingToASurvivorDuringACrashKeepOrderAndEachOldChannelEndsOnce() throws Exception {
    TestNode v = victim();
    String base = unique("window");
    Inbox wills = new Inbox();
    Mqtt5BlockingClient watcher = TestClients.v5Subscriber(a.mqttPort(), unique("watch"), base + "/#", 1, wills);
    TestClients.awaitRoute(v, base + "/#", a.node.nodeName());
    List<String> ids = new ArrayList<>();
    Map<String, String> oldChannels = new LinkedHashMap<>();
    List<RawMqttClient> clients = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String clientId = unique("back" + i);
      ids.add(clientId);
      clients.add(RawMqttClient.connect(v.mqttPort(), clientId, i % 2 == 0, 60, will(base + "/" + clientId, clientId)));
      oldChannels.put(clientId, channelOf(clientId));
    }

    v.crash();
    // half come back at once, before the survivors notice: their CONNECT flips the record and reports the old channel
    List<RawMqttClient> early = new ArrayList<>();
    for (String clientId : ids.subList(0, 5)) {
      RawMqttClient c = RawMqttClient.open(a.mqttPort());
      c.send(RawMqttClient.connectPacket(clientId, false, 60, null));
      early.add(c);
    }
    // the CONNACKs may wait for the crash to be noticed: partitions the dead member owned answer only after that
    for (RawMqttClient c : early) {
      RawMqttClient.Packet connack = c.read(Duration.ofSeconds(30));
      assertThat(connack.type()).isEqualTo(RawMqttClient.CONNACK);
      assertThat(connack.returnCode()).isZero();
      clients.add(c);
    }
    // the others come back as the sweep runs or after it: the sweep reports them, the connect waits for its report
    await().atMost(Duration.ofSeconds(20)).until(() -> !a.nodes.liveNodes().contains(v.node.nodeName()));
    for (String clientId : ids.subList(5, 10)) {
      clients.add(RawMqttClient.connect(b.mqttPort(), clientId, true));
    }

    await().atMost(Duration.ofSeconds(15)).until(() -> ids.stream().allMatch(id -> uncheckedEvents(id).size() == 3));
    for (String clientId : ids) {
      List<ClientEvent> events = uncheckedEvents(clientId);
      List<String> order = TestEvents.assertChannelOrder(events, true);
      assertThat(order).hasSize(2).first().isEqualTo(oldChannels.get(clientId));
      assertThat(order.get(1)).isEqualTo(channelOf(clientId));
      assertThat(TestEvents.tcpcleanReason(events, oldChannels.get(clientId))).isEqualTo("node_down");
      assertThat(record(clientId)).get().extracting(ClientRecord::state).isEqualTo(ClientState.CONNECTED);
    }
    // a will whose entry lived on the dead member is read once its backup took over
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(wills.payloads()).as("wills").containsExactlyInAnyOrderElementsOf(ids));
    wills.assertStaysAt(10);
    watcher.disconnect();
    for (RawMqttClient c : clients) {
      c.close();
    }
  }

  private static List<ClientEvent> uncheckedEvents(String clientId) {
    try {
      return eventsOf(clientId);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
