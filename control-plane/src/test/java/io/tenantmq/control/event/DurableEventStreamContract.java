package io.tenantmq.control.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.IFunction;
import com.hazelcast.ringbuffer.ReadResultSet;
import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.control.persistence.DurableStore;
import io.tenantmq.control.persistence.EventRetention;
import io.tenantmq.control.testing.EmbeddedMember;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Event streams and consumer offsets written through to a database, across restarts of the whole cluster. */
abstract class DurableEventStreamContract {

  /** A database of the test's own. */
  abstract String newDatabase() throws Exception;

  static final AtomicInteger SEQ = new AtomicInteger();
  static final SecretCipher CIPHER = new SecretCipher(SecretCipher.newKey());

  static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static long append(EmbeddedMember member, String instance, long timeMillis) throws Exception {
    return get(member.control.events().append(new ClientEvent(instance, "dev-" + SEQ.incrementAndGet(), timeMillis,
        ClientEventType.CONNECT, "ch" + SEQ.incrementAndGet(), "127.0.0.1:1", null, null, "n", "", -1)));
  }

  static List<Long> offsets(List<ClientEvent> events) {
    return events.stream().map(ClientEvent::offset).toList();
  }

  static List<Long> range(long from, long to) {
    List<Long> all = new ArrayList<>();
    for (long i = from; i < to; i++) {
      all.add(i);
    }
    return all;
  }

  /** Two members of a new cluster on {@code store}. */
  static EmbeddedMember[] cluster(DurableStore store, String name) {
    String cluster = name + "-" + UUID.randomUUID();
    EmbeddedMember one = new EmbeddedMember(name + "-1", cluster, store, CIPHER);
    EmbeddedMember two = new EmbeddedMember(name + "-2", cluster, store, CIPHER);
    await().atMost(Duration.ofSeconds(30)).until(() -> one.hazelcast.getCluster().getMembers().size() == 2);
    return new EmbeddedMember[] {one, two};
  }

  static PullRequest pull(String instance, int max) {
    return new PullRequest(new EventSubscription(EventTopic.of(instance, instance), TagFilter.ALL), "g",
        ConsumeMode.CLUSTERING, null, ConsumeFrom.FIRST, max, Duration.ZERO, Duration.ofSeconds(1));
  }

  @Test
  void aFullRestartKeepsTheEventsAndCommittedOffsetsAndTheOffsetsContinue() throws Exception {
    String url = newDatabase();
    String instance = "dur-i" + SEQ.incrementAndGet();
    // four in memory: the older events are read from the table while the cluster runs, too
    EventRetention retention = new EventRetention(Duration.ofHours(72), 4);
    List<String> unacked;
    try (DurableStore store = DurableStore.open(url, retention)) {
      EmbeddedMember[] members = cluster(store, "restart-a");
      long now = System.currentTimeMillis();
      for (int i = 0; i < 8; i++) {
        assertThat(append(members[i % 2], instance, now + i)).isEqualTo(i);
      }
      assertThat(offsets(get(members[1].control.events().read(instance, 0, 100)))).isEqualTo(range(0, 8));
      assertThat(offsets(get(members[0].control.events().read(instance, 2, 3)))).isEqualTo(range(2, 5));
      PullResult first = get(members[0].control.consumers().pull(pull(instance, 4)));
      assertThat(first.deliveries()).extracting(d -> d.event().offset()).containsExactly(0L, 1L, 2L, 3L);
      get(members[1].control.consumers().ack(instance, "g", null,
          first.deliveries().stream().map(Delivery::receiptHandle).toList()));
      PullResult second = get(members[1].control.consumers().pull(pull(instance, 2)));
      assertThat(second.deliveries()).extracting(d -> d.event().offset()).containsExactly(4L, 5L);
      unacked = second.deliveries().stream().map(Delivery::receiptHandle).toList();
      assertThat(get(members[0].control.consumers().committedOffset(instance, "g", null))).isEqualTo(4);
      members[1].close();
      members[0].close();
    }
    try (DurableStore store = DurableStore.open(url, retention)) {
      EmbeddedMember[] members = cluster(store, "restart-b");
      try {
        assertThat(get(members[0].control.events().nextOffset(instance))).isEqualTo(8);
        assertThat(offsets(get(members[1].control.events().read(instance, 0, 100)))).isEqualTo(range(0, 8));
        assertThat(append(members[1], instance, System.currentTimeMillis())).isEqualTo(8);
        assertThat(offsets(get(members[0].control.events().read(instance, 6, 100)))).isEqualTo(range(6, 9));
        EventSubscription all = new EventSubscription(EventTopic.of(instance, instance), TagFilter.ALL);
        EventBatch followed = get(members[0].control.events().follow(all, 3, 2, Duration.ZERO));
        assertThat(offsets(followed.events())).containsExactly(3L, 4L);
        assertThat(followed.nextOffset()).isEqualTo(5);
        ClientEvent stored = get(members[0].control.events().read(instance, 5, 1)).get(0);
        assertThat(get(members[1].control.events().history(instance, stored.clientId(), 0, Long.MAX_VALUE)))
            .containsExactly(stored);

        assertThat(get(members[1].control.consumers().committedOffset(instance, "g", null))).isEqualTo(4);
        // the handles of before the restart still name the leases, which expire: their events come back
        List<Delivery> got = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
          PullResult r = get(members[0].control.consumers().pull(pull(instance, 10)));
          got.addAll(r.deliveries());
          get(members[0].control.consumers().ack(instance, "g", null,
              r.deliveries().stream().map(Delivery::receiptHandle).toList()));
          return got.size() >= 5;
        });
        assertThat(got).extracting(d -> d.event().offset()).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(got.subList(0, 2)).extracting(Delivery::deliveryCount).containsOnly(2);
        assertThat(get(members[0].control.consumers().ack(instance, "g", null, unacked))).isZero();
        assertThat(get(members[1].control.consumers().committedOffset(instance, "g", null))).isEqualTo(9);
      } finally {
        members[1].close();
        members[0].close();
      }
    }
  }

  @Test
  void losingOneMemberLosesNoEventAndNoCommittedOffset() throws Exception {
    String instance = "dur-i" + SEQ.incrementAndGet();
    try (DurableStore store = DurableStore.open(newDatabase())) {
      EmbeddedMember[] members = cluster(store, "loss");
      try {
        long now = System.currentTimeMillis();
        for (int i = 0; i < 20; i++) {
          append(members[i % 2], instance, now);
        }
        PullResult got = get(members[0].control.consumers().pull(pull(instance, 5)));
        get(members[0].control.consumers().ack(instance, "g", null,
            got.deliveries().stream().map(Delivery::receiptHandle).toList()));
        // whichever member owned the ringbuffer's and the group's partitions, the other had their backups
        members[1].crash();
        assertThat(offsets(get(members[0].control.events().read(instance, 0, 100)))).isEqualTo(range(0, 20));
        assertThat(get(members[0].control.consumers().committedOffset(instance, "g", null))).isEqualTo(5);
        assertThat(append(members[0], instance, now)).isEqualTo(20);
      } finally {
        members[0].close();
      }
    }
  }

  @Test
  void theRetentionDeletesOldRowsButEachStreamsNewestAndReadsSkipThem() throws Exception {
    String url = newDatabase();
    String instance = "dur-i" + SEQ.incrementAndGet();
    String quiet = "dur-i" + SEQ.incrementAndGet();
    String deleted = "dur-i" + SEQ.incrementAndGet();
    EventRetention retention = new EventRetention(Duration.ofHours(1), 5);
    long now = System.currentTimeMillis();
    try (DurableStore store = DurableStore.open(url, retention);
         EmbeddedMember member = new EmbeddedMember("retention-a", store, CIPHER)) {
      for (int i = 0; i < 3; i++) {
        append(member, instance, now - Duration.ofHours(2).toMillis());
      }
      for (int i = 0; i < 3; i++) {
        append(member, instance, now);
      }
      append(member, quiet, now - Duration.ofHours(5).toMillis());
      append(member, quiet, now - Duration.ofHours(5).toMillis());
      append(member, deleted, now);
      get(member.control.events().delete(deleted));
      assertThat(store.eventArchive().read(HazelcastEventStream.PREFIX + deleted, 0, 100, 100)).isEmpty();
      // by age: offsets 0..2 and the quiet stream's first (its newest stays, whatever its age); by count: offset 0
      assertThat(store.eventArchive().enforceRetention(now)).isEqualTo(4);
      assertThat(store.eventArchive().enforceRetention(now)).isZero();
      assertThat(store.eventArchive().read(HazelcastEventStream.PREFIX + instance, 0, 100, 100))
          .extracting(ClientEvent::offset).containsExactly(3L, 4L, 5L);
    }
    try (DurableStore store = DurableStore.open(url, retention);
         EmbeddedMember member = new EmbeddedMember("retention-b", store, CIPHER)) {
      assertThat(offsets(get(member.control.events().read(instance, 0, 100)))).containsExactly(3L, 4L, 5L);
      // the quiet stream continues after its newest offset; the deleted one starts again
      assertThat(append(member, quiet, now)).isEqualTo(2);
      assertThat(append(member, deleted, now)).isZero();
      // Hazelcast's own read below the head loads each offset from the store: a deleted one comes back as null
      ReadResultSet<ClientEvent> direct = get(member.hazelcast.<ClientEvent>getRingbuffer(
          HazelcastEventStream.PREFIX + instance).readManyAsync(0, 0, 5, (IFunction<ClientEvent, Boolean>) e -> e != null));
      assertThat(direct.readCount()).isEqualTo(6);
      assertThat(direct.size()).isEqualTo(3);
      // by count: the newest five stay (and the quiet stream's old offset 1 is no longer its newest)
      for (int i = 0; i < 6; i++) {
        append(member, instance, now);
      }
      assertThat(store.eventArchive().enforceRetention(now)).isEqualTo(4 + 1);
      assertThat(offsets(get(member.control.events().read(instance, 0, 100)))).isEqualTo(range(7, 12));
    }
  }
}
