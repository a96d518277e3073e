package io.tenantmq.control.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.control.testing.EmbeddedMember;
import java.time.Duration;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.spi.impl.operationparker.impl.OperationParkerImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.groups.Tuple;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Event streams on two real members: appended on either, read on either, in order, one stream per instance. */
class HazelcastEventStreamTest {

  static EmbeddedMember first;
  static EmbeddedMember second;
  static final AtomicInteger SEQ = new AtomicInteger();

  @BeforeAll
  static void start() {
    String cluster = "events-test-" + UUID.randomUUID();
    SecretCipher cipher = new SecretCipher(SecretCipher.newKey());
    first = new EmbeddedMember("events-1", cluster, null, cipher);
    second = new EmbeddedMember("events-2", cluster, null, cipher);
    await().atMost(Duration.ofSeconds(30)).until(() -> first.hazelcast.getCluster().getMembers().size() == 2);
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static ClientEvent event(String instanceId, String clientId, ClientEventType type) {
    return new ClientEvent(instanceId, clientId, System.currentTimeMillis(), type, "c" + SEQ.incrementAndGet(),
        "127.0.0.1:1", io.tenantmq.control.registry.ClientRecord.groupIdOf(clientId), null, "n", "", -1);
  }

  @Test
  void eventsAppendedOnBothMembersReadInOrderWithTheirOffsets() throws Exception {
    String instance = "ev-i" + SEQ.incrementAndGet();
    long a = get(first.control.events().append(event(instance, "x", ClientEventType.CONNECT)));
    long b = get(second.control.events().append(event(instance, "x", ClientEventType.TCPCLEAN)));
    assertThat(b).isEqualTo(a + 1);
    List<ClientEvent> read = get(second.control.events().read(instance, 0, 10));
    assertThat(read).extracting(ClientEvent::type).containsExactly(ClientEventType.CONNECT, ClientEventType.TCPCLEAN);
    assertThat(read).extracting(ClientEvent::offset).containsExactly(a, b);
    assertThat(get(first.control.events().read(instance, b, 10))).extracting(ClientEvent::offset).containsExactly(b);
    assertThat(get(first.control.events().read(instance, b + 1, 10))).isEmpty();
  }

  @Test
  void streamsArePerInstanceAndDeleteDropsOne() throws Exception {
    String mine = "ev-i" + SEQ.incrementAndGet();
    String other = "ev-i" + SEQ.incrementAndGet();
    get(first.control.events().append(event(mine, "m", ClientEventType.CONNECT)));
    get(first.control.events().append(event(other, "o", ClientEventType.CONNECT)));
    assertThat(get(second.control.events().read(mine, 0, 10))).extracting(ClientEvent::clientId).containsExactly("m");
    get(second.control.events().delete(mine));
    assertThat(get(first.control.events().read(mine, 0, 10))).isEmpty();
    assertThat(get(first.control.events().read(other, 0, 10))).extracting(ClientEvent::clientId).containsExactly("o");
  }

  @Test
  void historyHoldsOneClientsEventsWithinTheTimes() throws Exception {
    String instance = "ev-i" + SEQ.incrementAndGet();
    EventStream events = first.control.events();
    get(events.append(new ClientEvent(instance, "x", 1000, ClientEventType.CONNECT, "c1", "ip", null, null, "n", "", -1)));
    get(events.append(new ClientEvent(instance, "y", 1500, ClientEventType.CONNECT, "c2", "ip", null, null, "n", "", -1)));
    get(events.append(new ClientEvent(instance, "x", 2000, ClientEventType.TCPCLEAN, "c1", "ip", null, null, "n", "", -1)));
    get(events.append(new ClientEvent(instance, "x", 3000, ClientEventType.CONNECT, "c3", "ip", null, null, "n", "", -1)));
    assertThat(get(second.control.events().history(instance, "x", 1000, 2000)))
        .extracting(ClientEvent::channelId, ClientEvent::type)
        .containsExactly(Tuple.tuple("c1", ClientEventType.CONNECT),
            Tuple.tuple("c1", ClientEventType.TCPCLEAN));
    assertThat(get(second.control.events().history(instance, "x", 0, Long.MAX_VALUE))).hasSize(3);
    assertThat(get(second.control.events().history(instance, "nobody", 0, Long.MAX_VALUE))).isEmpty();
  }

  @Test
  void aReadNeverAnswersMoreThanTheLimit() throws Exception {
    String instance = "ev-i" + SEQ.incrementAndGet();
    for (int i = 0; i < EventStream.MAX_READ + 5; i++) {
      first.control.events().append(event(instance, "bulk", ClientEventType.CONNECT));
    }
    await().atMost(Duration.ofSeconds(20))
        .until(() -> get(second.control.events().read(instance, EventStream.MAX_READ, 10)).size() == 5);
    assertThat(get(second.control.events().read(instance, 0, 5000))).hasSize(EventStream.MAX_READ);
  }

  @Test
  void followFiltersWhereTheStreamIsAndStepsOverWhatItDrops() throws Exception {
    String instance = "ev-i" + SEQ.incrementAndGet();
    EventStream events = first.control.events();
    get(events.append(event(instance, "GID_a@@@d1", ClientEventType.CONNECT)));
    get(events.append(event(instance, "GID_a@@@d1", ClientEventType.DISCONNECT)));
    long clean = get(events.append(event(instance, "GID_a@@@d1", ClientEventType.TCPCLEAN)));
    get(events.append(event(instance, "other", ClientEventType.TCPCLEAN)));
    EventSubscription groupCleans = new EventSubscription(EventTopic.of(instance, "GID_a_MQTT"), TagFilter.parse("tcpclean"));
    EventBatch batch = get(second.control.events().follow(groupCleans, 0, 10, Duration.ZERO));
    assertThat(batch.events()).extracting(ClientEvent::offset).containsExactly(clean);
    assertThat(batch.nextOffset()).isEqualTo(clean + 2);
    assertThat(get(second.control.events().follow(groupCleans, batch.nextOffset(), 10, Duration.ZERO)).events()).isEmpty();
  }

  @Test
  void followWaitsForTheFirstMatchingEventOrAnswersEmptyWhenTheWaitIsOver() throws Exception {
    String instance = "ev-i" + SEQ.incrementAndGet();
    EventSubscription connects = new EventSubscription(EventTopic.of(instance, instance), TagFilter.parse("connect"));
    long before = System.nanoTime();
    EventBatch none = get(first.control.events().follow(connects, 0, 10, Duration.ofMillis(300)));
    assertThat(none.events()).isEmpty();
    assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
    CompletionStage<EventBatch> waiting = first.control.events().follow(connects, none.nextOffset(), 10, Duration.ofSeconds(20));
    get(second.control.events().append(event(instance, "x", ClientEventType.TCPCLEAN)));
    long connect = get(second.control.events().append(event(instance, "x", ClientEventType.CONNECT)));
    EventBatch got = get(waiting);
    assertThat(got.events()).extracting(ClientEvent::offset).containsExactly(connect);
    assertThat(got.nextOffset()).isEqualTo(connect + 1);
  }

  /** Operations parked on a member (reads waiting for an event), Hazelcast's own count. */
  static int parked(EmbeddedMember member) {
    return ((OperationParkerImpl) ((HazelcastInstanceProxy) member.hazelcast).getOriginal().node.getNodeEngine()
        .getOperationParker()).getTotalParkedOperationCount();
  }

  @Test
  void timedOutLongPollsOnAQuietStreamLeaveAtMostOneParkedReadAndAWaiterStillWakesOnAnAppendElsewhere()
      throws Exception {
    String instance = "ev-i" + SEQ.incrementAndGet();
    HazelcastEventStream stream = (HazelcastEventStream) first.control.events();
    EventSubscription all = new EventSubscription(EventTopic.of(instance, instance), TagFilter.ALL);
    int before = parked(first) + parked(second);
    List<CompletableFuture<EventBatch>> polls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      polls.add(stream.follow(all, 0, 10, Duration.ofMillis(500 + i)).toCompletableFuture());
    }
    for (CompletableFuture<EventBatch> poll : polls) {
      assertThat(poll.get(10, TimeUnit.SECONDS).events()).isEmpty();
    }
    for (int i = 0; i < 5; i++) {
      assertThat(get(stream.follow(all, 0, 10, Duration.ofMillis(50))).events()).isEmpty();
    }
    assertThat(stream.waiters(instance)).isZero();
    assertThat(parked(first) + parked(second) - before).isLessThanOrEqualTo(1);

    CompletionStage<EventBatch> waiting = stream.follow(all, 0, 10, Duration.ofSeconds(20));
    await().atMost(Duration.ofSeconds(10)).until(() -> stream.waiters(instance) == 1);
    long offset = get(second.control.events().append(event(instance, "x", ClientEventType.CONNECT)));
    assertThat(get(waiting).events()).extracting(ClientEvent::offset).containsExactly(offset);
    await().atMost(Duration.ofSeconds(10)).until(() -> parked(first) + parked(second) <= before);
  }

  @Test
  void followPastTheLastEventAnswersThatPositionAndWaitsOnlyForNewEvents() throws Exception {
    String instance = "ev-i" + SEQ.incrementAndGet();
    EventSubscription all = new EventSubscription(EventTopic.of(instance, instance), TagFilter.ALL);
    get(first.control.events().append(event(instance, "x", ClientEventType.CONNECT)));
    long last = get(first.control.events().append(event(instance, "x", ClientEventType.TCPCLEAN)));
    EventBatch atEnd = get(second.control.events().follow(all, Long.MAX_VALUE, 10, Duration.ZERO));
    assertThat(atEnd.events()).isEmpty();
    assertThat(atEnd.nextOffset()).isEqualTo(last + 1);
    EventBatch waited = get(second.control.events().follow(all, last + 1, 10, Duration.ofMillis(300)));
    assertThat(waited.events()).isEmpty();
    assertThat(waited.nextOffset()).isEqualTo(last + 1);
  }
}
