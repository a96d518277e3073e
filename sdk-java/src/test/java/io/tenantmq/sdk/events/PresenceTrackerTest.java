package io.tenantmq.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** API-NOTES T6 a–f and the channelId rules under reordering, redelivery, concurrency and time. */
class PresenceTrackerTest {

  static final long T0 = 1_700_000_000_000L;

  static ClientStatusEvent event(String clientId, EventType type, String channelId, long time) {
    return new ClientStatusEvent(clientId, time, type, channelId, "10.0.0.1:5000", null, null, "node-1",
        type == EventType.CONNECT ? "" : "tcp_closed", -1);
  }

  static ClientStatusEvent connect(String channelId, long time) {
    return event("dev", EventType.CONNECT, channelId, time);
  }

  static ClientStatusEvent tcpclean(String channelId, long time) {
    return event("dev", EventType.TCPCLEAN, channelId, time);
  }

  static ClientStatusEvent disconnect(String channelId, long time) {
    return event("dev", EventType.DISCONNECT, channelId, time);
  }

  final PresenceTracker tracker = PresenceTracker.create();

  @Test
  void t6aConnectMakesTheClientOnline() {
    assertThat(tracker.apply(connect("c1", T0 + 1))).isTrue();
    assertThat(tracker.isOnline("dev")).isTrue();
    assertThat(tracker.onlineClients()).containsExactly("dev");
    assertThat(tracker.onlineCount()).isEqualTo(1);
  }

  @Test
  void t6bTcpcleanOfTheSameChannelMakesItOfflineAndClosesTheChannel() {
    tracker.apply(connect("c1", T0 + 1));
    assertThat(tracker.apply(tcpclean("c1", T0 + 2))).isTrue();
    assertThat(tracker.isOnline("dev")).isFalse();
    assertThat(tracker.onlineCount()).isZero();
    // only the closed channel's tombstone is left, and it is dropped once the retention has passed
    assertThat(tracker.trackedChannels()).isEqualTo(1);
    tracker.apply(event("other", EventType.CONNECT, "x1", T0 + 2 + Duration.ofMinutes(11).toMillis()));
    assertThat(tracker.trackedChannels()).isEqualTo(1);
    assertThat(tracker.isOnline("other")).isTrue();
  }

  @Test
  void t6cTcpcleanOfTheOldChannelAfterAReconnectLeavesTheClientOnline() {
    tracker.apply(connect("c1", T0 + 1));
    tracker.apply(connect("c2", T0 + 3));
    assertThat(tracker.apply(tcpclean("c1", T0 + 4))).isFalse();
    assertThat(tracker.isOnline("dev")).isTrue();
  }

  @Test
  void t6dTcpcleanDeliveredBeforeItsConnectLeavesTheClientOffline() {
    assertThat(tracker.apply(tcpclean("c1", T0 + 2))).isFalse();
    assertThat(tracker.apply(connect("c1", T0 + 1))).isFalse();
    assertThat(tracker.isOnline("dev")).isFalse();
    assertThat(tracker.onlineClients()).isEmpty();
  }

  @Test
  void t6eADuplicateConnectChangesNothing() {
    tracker.apply(connect("c1", T0 + 1));
    assertThat(tracker.apply(connect("c1", T0 + 1))).isFalse();
    assertThat(tracker.isOnline("dev")).isTrue();
    assertThat(tracker.trackedChannels()).isEqualTo(1);
    // and one tcpclean still closes it: the duplicate did not count as a second connection
    tracker.apply(tcpclean("c1", T0 + 2));
    assertThat(tracker.isOnline("dev")).isFalse();
  }

  @Test
  void t6fDisconnectWithoutTcpcleanIsIgnored() {
    tracker.apply(connect("c1", T0 + 1));
    assertThat(tracker.apply(disconnect("c1", T0 + 2))).isFalse();
    assertThat(tracker.isOnline("dev")).isTrue();
  }

  @Test
  void disconnectClosesTheChannelWhenConfigured() {
    PresenceTracker strict = PresenceTracker.builder().disconnectIsOffline(true).build();
    strict.apply(connect("c1", T0 + 1));
    assertThat(strict.apply(disconnect("c1", T0 + 2))).isTrue();
    assertThat(strict.isOnline("dev")).isFalse();
    // its tcpclean that follows changes nothing
    assertThat(strict.apply(tcpclean("c1", T0 + 3))).isFalse();
    assertThat(strict.isOnline("dev")).isFalse();
  }

  @Test
  void aConnectRedeliveredAfterItsChannelClosedDoesNotBringTheClientBack() {
    tracker.apply(connect("c1", T0 + 1));
    tracker.apply(tcpclean("c1", T0 + 2));
    assertThat(tracker.apply(connect("c1", T0 + 1))).isFalse();
    assertThat(tracker.isOnline("dev")).isFalse();
  }

  @Test
  void anOfflineEventOfAnotherChannelNeverOverridesHoweverNewItsTime() {
    tracker.apply(connect("c2", T0 + 1));
    tracker.apply(tcpclean("c1", T0 + 1_000_000));
    assertThat(tracker.isOnline("dev")).isTrue();
  }

  @Test
  void clientsAreTrackedIndependently() {
    tracker.apply(event("a", EventType.CONNECT, "a1", T0));
    tracker.apply(event("b", EventType.CONNECT, "b1", T0));
    tracker.apply(event("b", EventType.TCPCLEAN, "b1", T0 + 1));
    assertThat(tracker.onlineClients()).containsExactly("a");
    assertThat(tracker.isOnline("b")).isFalse();
    assertThat(tracker.isOnline("never-seen")).isFalse();
  }

  @Test
  void closedChannelsAndOrphanOfflineEventsAreDroppedAfterTheRetentionSoMemoryStaysBounded() {
    PresenceTracker bounded = PresenceTracker.builder().closedChannelRetention(Duration.ofSeconds(60)).build();
    long time = T0;
    for (int i = 0; i < 10_000; i++) {
      String client = "dev-" + (i % 500);
      bounded.apply(event(client, EventType.CONNECT, "ch-" + i, time));
      bounded.apply(event(client, EventType.TCPCLEAN, "ch-" + i, time + 5));
      // an offline event whose connect never comes (the consumer started after it)
      bounded.apply(event(client, EventType.TCPCLEAN, "orphan-" + i, time + 5));
      time += 100;
    }
    bounded.apply(event("last", EventType.CONNECT, "open", time + 60_000));
    // each client's own events prune it; the sweep every half retention catches the rest
    assertThat(bounded.trackedChannels()).isLessThan(2 * 1_200 + 1);
    bounded.apply(event("last", EventType.CONNECT, "open2", time + 200_000));
    assertThat(bounded.trackedChannels()).isEqualTo(2);
    assertThat(bounded.onlineClients()).containsExactly("last");
  }

  /** One client's life: channels in stream order, each connect then maybe disconnect then tcpclean; the last may stay. */
  record Life(String clientId, List<ClientStatusEvent> events, boolean online) {

    static Life random(String clientId, Random random) {
      int channels = 1 + random.nextInt(4);
      boolean lastStaysOpen = random.nextBoolean();
      List<ClientStatusEvent> events = new ArrayList<>();
      long time = T0 + random.nextInt(1_000);
      for (int c = 0; c < channels; c++) {
        String channel = clientId + "-ch" + c;
        events.add(event(clientId, EventType.CONNECT, channel, time++));
        boolean open = c == channels - 1 && lastStaysOpen;
        if (random.nextBoolean()) {
          events.add(event(clientId, EventType.DISCONNECT, channel, time++));
        }
        if (!open) {
          events.add(event(clientId, EventType.TCPCLEAN, channel, time++));
        }
      }
      return new Life(clientId, events, lastStaysOpen);
    }

    /** The events in a random order, some of them twice (redelivery). */
    List<ClientStatusEvent> shuffled(Random random) {
      List<ClientStatusEvent> delivered = new ArrayList<>(events);
      for (ClientStatusEvent e : events) {
        if (random.nextInt(4) == 0) {
          delivered.add(e);
        }
      }
      Collections.shuffle(delivered, random);
      return delivered;
    }
  }

  @Test
  void everyOrderOfAClientsChannelEventsConvergesToItsState() {
    Random random = new Random(7);
    for (int round = 0; round < 5_000; round++) {
      Life life = Life.random("dev" + round, random);
      PresenceTracker fresh = PresenceTracker.create();
      boolean online = false;
      for (ClientStatusEvent e : life.shuffled(random)) {
        // apply says exactly when the answer flipped
        boolean changed = fresh.apply(e);
        assertThat(fresh.isOnline(life.clientId())).isEqualTo(online ^ changed);
        online = fresh.isOnline(life.clientId());
      }
      assertThat(online).as("round %d: %s", round, life).isEqualTo(life.online());
      assertThat(fresh.onlineCount()).isEqualTo(life.online() ? 1 : 0);
    }
  }

  @Test
  void theSameHoldsWithDisconnectCountedAsOffline() {
    Random random = new Random(11);
    for (int round = 0; round < 2_000; round++) {
      Life life = Life.random("dev" + round, random);
      PresenceTracker strict = PresenceTracker.builder().disconnectIsOffline(true).build();
      life.shuffled(random).forEach(strict::apply);
      boolean openWithoutDisconnect = life.online() && life.events().get(life.events().size() - 1).eventType()
          == EventType.CONNECT;
      assertThat(strict.isOnline(life.clientId())).as("round %d: %s", round, life).isEqualTo(openWithoutDisconnect);
    }
  }

  @Test
  void concurrentAppliesOfManyClientsConvergeAndTheCountMatchesTheSet() throws Exception {
    Random random = new Random(3);
    PresenceTracker shared = PresenceTracker.create();
    Map<String, Boolean> expected = new HashMap<>();
    List<ClientStatusEvent> all = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      Life life = Life.random("c" + i, random);
      expected.put(life.clientId(), life.online());
      all.addAll(life.shuffled(random));
    }
    Collections.shuffle(all, random);
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<CompletableFuture<Void>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<ClientStatusEvent> part = all.subList(all.size() * t / threads, all.size() * (t + 1) / threads);
        parts.add(CompletableFuture.runAsync(() -> part.forEach(shared::apply), pool));
      }
      CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).join();
    } finally {
      pool.shutdown();
    }
    expected.forEach((client, online) -> assertThat(shared.isOnline(client)).as(client).isEqualTo(online));
    long online = expected.values().stream().filter(b -> b).count();
    assertThat(shared.onlineCount()).isEqualTo((int) online);
    assertThat(shared.onlineClients()).hasSize((int) online);
  }

  @Test
  void theListenerAppliesABatchAndAcknowledgesIt() {
    ConsumeStatus status = tracker.listener().consume(List.of(connect("c1", T0), connect("c2", T0 + 1),
        tcpclean("c1", T0 + 2)));
    assertThat(status).isEqualTo(ConsumeStatus.CONSUME_SUCCESS);
    assertThat(tracker.isOnline("dev")).isTrue();
  }
}
