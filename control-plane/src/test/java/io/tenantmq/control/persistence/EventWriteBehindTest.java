package io.tenantmq.control.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.ClientEventType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The write-behind queue with a writer that records rows and that the test can hold up. */
class EventWriteBehindTest {

  /** Written rows by ring and sequence; the writer thread waits for {@code open} first, synchronous writes do not. */
  static final class Table {
    final ConcurrentSkipListMap<String, ClientEvent> rows = new ConcurrentSkipListMap<>();
    final CountDownLatch open = new CountDownLatch(1);
    volatile int transactions;

    void write(List<EventWriteBehind.Row> batch) {
      if (Thread.currentThread().getName().equals("tenantmq-event-writer")) {
        try {
          open.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      batch.forEach(r -> rows.put(r.ring() + "/" + r.seq(), r.event()));
      transactions++;
    }
  }

  static ClientEvent[] events(int n) {
    ClientEvent[] events = new ClientEvent[n];
    for (int i = 0; i < n; i++) {
      events[i] = new ClientEvent("i", "c" + i, 1000 + i, ClientEventType.CONNECT, "ch" + i, "ip", null, null, "n", "", -1);
    }
    return events;
  }

  @Test
  void queuedRowsAreVisibleUntilWrittenAndAFullQueueWritesAtOnce() {
    Table table = new Table();
    EventWriteBehind queue = new EventWriteBehind(table::write, 3);
    try {
      ClientEvent[] events = events(5);
      queue.store("r", 0, new ClientEvent[] {events[0]});
      // the writer takes the first row and waits; three more fill the queue, the fifth is written at once
      await().atMost(Duration.ofSeconds(10)).until(() -> queue.pending("r", 0, 1).size() == 1);
      queue.store("r", 1, new ClientEvent[] {events[1], events[2], events[3], events[4]});
      assertThat(table.rows).containsOnlyKeys("r/4");
      assertThat(queue.pending("r", 0, 100)).containsOnlyKeys(0L, 1L, 2L, 3L);
      assertThat(queue.pending("r", 1, 3)).containsOnlyKeys(1L, 2L);
      assertThat(queue.largestPending("r")).isEqualTo(3);
      assertThat(queue.largestPending("other")).isEqualTo(-1);
      assertThat(queue.flush(Duration.ofMillis(100))).isFalse();

      table.open.countDown();
      assertThat(queue.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(table.rows).containsOnlyKeys("r/0", "r/1", "r/2", "r/3", "r/4");
      assertThat(queue.pending("r", 0, 100)).isEmpty();
      assertThat(queue.largestPending("r")).isEqualTo(-1);
    } finally {
      queue.close();
    }
  }

  @Test
  void rowsStoredTogetherShareTransactionsAndCloseWritesWhatIsQueued() {
    Table table = new Table();
    EventWriteBehind queue = new EventWriteBehind(table::write, EventWriteBehind.CAPACITY);
    ClientEvent[] events = events(1);
    for (int i = 0; i < 2000; i++) {
      queue.store("r" + (i % 3), i, events);
    }
    table.open.countDown();
    queue.close();
    assertThat(table.rows).hasSize(2000);
    // at most 500 per transaction, and far fewer transactions than rows
    assertThat(table.transactions).isBetween(4, 100);
    assertThat(queue.pending("r0", 0, Long.MAX_VALUE)).isEmpty();
  }
}
