package io.tenantmq.control.persistence;

import io.tenantmq.control.event.ClientEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue between the event ringbuffers and their table: a store enqueues and returns, so an append no longer waits
 * for the database on the ringbuffer's partition thread; one writer thread writes what is queued in batches (up to
 * {@link #BATCH} rows, at most {@link #LINGER} after the first of them), each batch in one transaction. Until its
 * transaction commits a row is also kept per ringbuffer ({@link #pending}), so reads of the table see it.
 *
 * <p>Nothing is dropped: when the queue is full the store writes synchronously, as it did before; a failing batch is
 * retried until it is written or the queue is closed. The price: rows still queued when the process dies are lost from
 * the table. With one member down the events are still in the ringbuffer's backup on another member (and the new
 * primary serves them); only a crash of the whole cluster loses the last {@link #LINGER}-or-so of events.
 */
final class EventWriteBehind implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventWriteBehind.class);

  /** The most rows one transaction writes. */
  static final int BATCH = 500;
  /** The longest a queued row waits for more to share its transaction. */
  static final Duration LINGER = Duration.ofMillis(20);
  /** Queued rows beyond which stores write synchronously: 10,000 events/s for 5 s. */
  static final int CAPACITY = 50_000;

  /** A row of the events table. */
  record Row(String ring, long seq, ClientEvent event) {
  }

  private final Consumer<List<Row>> writer;
  private final BlockingQueue<Row> queue;
  /** Per ringbuffer the rows not yet committed, by sequence: queued, or in the batch being written. */
  private final Map<String, NavigableMap<Long, ClientEvent>> pending = new ConcurrentHashMap<>();
  private final Thread thread;
  private final Object progress = new Object();
  /** Rows queued so far, and rows committed (or given up at close) so far; both only grow. Under {@link #progress}. */
  private long queued;
  private long done;
  private boolean hurry;
  private volatile boolean closed;

  /** @param writer writes one batch in one transaction; throws when it cannot */
  EventWriteBehind(Consumer<List<Row>> writer, int capacity) {
    this.writer = writer;
    this.queue = new LinkedBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "tenantmq-event-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues the rows, or writes them at once when the queue is full (or closed). */
  void store(String ring, long firstSequence, ClientEvent[] events) {
    NavigableMap<Long, ClientEvent> rows = pending.computeIfAbsent(ring, r -> new ConcurrentSkipListMap<>());
    List<Row> overflow = null;
    // pending before queued: the writer removes a row from pending only after committing it
    for (int i = 0; i < events.length; i++) {
      rows.put(firstSequence + i, events[i]);
    }
    synchronized (progress) {
      for (int i = 0; i < events.length; i++) {
        Row row = new Row(ring, firstSequence + i, events[i]);
        if (!closed && queue.offer(row)) {
          queued++;
        } else {
          if (overflow == null) {
            overflow = new ArrayList<>();
          }
          overflow.add(row);
        }
      }
    }
    if (overflow != null) {
      writer.accept(overflow);
      committed(overflow);
    }
  }

  /** The not yet committed rows of {@code ring} with {@code from <= seq < to}. Read them before the table. */
  NavigableMap<Long, ClientEvent> pending(String ring, long from, long to) {
    NavigableMap<Long, ClientEvent> rows = pending.get(ring);
    return rows == null || from >= to ? new ConcurrentSkipListMap<>() : new ConcurrentSkipListMap<>(rows.subMap(from, to));
  }

  /** The largest not yet committed sequence of {@code ring}, -1 for none. */
  long largestPending(String ring) {
    NavigableMap<Long, ClientEvent> rows = pending.get(ring);
    Map.Entry<Long, ClientEvent> last = rows == null ? null : rows.lastEntry();
    return last == null ? -1 : last.getKey();
  }

  /** Waits until every row queued before this call is committed (or {@code timeout} is over); true if it is. */
  boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      long target = queued;
      hurry = true;
      progress.notifyAll();
      while (done < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(progress, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  private void run() {
    List<Row> batch = new ArrayList<>(BATCH);
    while (true) {
      try {
        Row first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closed) {
            return;
          }
          continue;
        }
        batch.add(first);
        long lingerEnd = System.nanoTime() + LINGER.toNanos();
        while (batch.size() < BATCH) {
          queue.drainTo(batch, BATCH - batch.size());
          long left = lingerEnd - System.nanoTime();
          if (batch.size() >= BATCH || left <= 0 || closed || hurried()) {
            break;
          }
          Row next = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(2)), TimeUnit.NANOSECONDS);
          if (next != null) {
            batch.add(next);
          }
        }
        write(batch);
        batch.clear();
      } catch (InterruptedException e) {
        // only close interrupts, and only once it has given up on the queue
        return;
      }
    }
  }

  private boolean hurried() {
    synchronized (progress) {
      boolean h = hurry;
      hurry = false;
      return h;
    }
  }

  /** Writes one batch, retrying until it is committed; at close it gives up after the flush. */
  private void write(List<Row> batch) throws InterruptedException {
    long backoff = 100;
    while (true) {
      try {
        writer.accept(batch);
        committed(batch);
        synchronized (progress) {
          done += batch.size();
          progress.notifyAll();
        }
        return;
      } catch (RuntimeException e) {
        LOG.warn("{} stored events not written yet, retrying: {}", batch.size(), e.getMessage());
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  private void committed(Collection<Row> rows) {
    for (Row row : rows) {
      NavigableMap<Long, ClientEvent> ring = pending.get(row.ring());
      if (ring != null) {
        ring.remove(row.seq(), row.event());
      }
    }
  }

  /** Forgets the pending rows of a ringbuffer whose rows are being deleted (after a flush). */
  void forget(String ring) {
    pending.remove(ring);
  }

  /** Writes what is queued (waiting up to {@code timeout}), then stops the writer; later stores write synchronously. */
  void close(Duration timeout) {
    synchronized (progress) {
      closed = true;
    }
    if (!flush(timeout)) {
      LOG.error("{} stored events could not be written before the store closed", queue.size());
    }
    thread.interrupt();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
