package io.tenantmq.control.persistence;

import com.hazelcast.ringbuffer.RingbufferStore;
import com.hazelcast.ringbuffer.RingbufferStoreFactory;
import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.EventArchive;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The event streams in one table, {@code tenantmq_events(ring, seq, time_ms, body)}: a row per event, the body in
 * {@link SerializedForm}. As a {@link RingbufferStoreFactory} it gives each ringbuffer its {@link RingbufferStore}:
 * Hazelcast hands it every added event (on the primary only), asks it for the largest stored sequence when a
 * ringbuffer is created, so that after a restart of the cluster the offsets continue where they ended, and loads from
 * it what a read wants below the in-memory head. As an {@link EventArchive} it answers range reads for the event
 * stream directly, one query per range instead of one per offset.
 *
 * <p>Write-behind ({@link EventWriteBehind}): a store only queues its rows, and one writer thread writes them in
 * batches of up to 500 rows, each in one transaction, within about 20 ms. Written through, every event cost a
 * transaction on the ringbuffer's partition thread before its append completed, which held a stream to about 1,700
 * appends/s; queued, an append completes once the event is in memory on the primary and its backup. Every read here
 * (loads, range reads, the largest sequence) also sees the rows still queued. The trade-off: a crash of one member
 * loses no event of the stream (another member holds each ringbuffer's backup, backup count 1, and serves it), but
 * the rows that member had queued (~50 ms of its streams) are missing from the table, which shows only after a
 * restart of the whole cluster or once the ringbuffer has overwritten them; a crash of the whole cluster may lose the
 * last ~50 ms of events not yet in the table. A clean shutdown writes the queue first ({@link #flush},
 * {@link #close}); a full queue falls back to writing synchronously, so no event is ever dropped from it.
 */
public final class JdbcEventArchive implements EventArchive, RingbufferStoreFactory<ClientEvent> {

  static final String TABLE = "tenantmq_events";

  private final DataSource dataSource;
  private final EventRetention retention;
  private final String upsert;
  private final EventWriteBehind queue;

  JdbcEventArchive(DataSource dataSource, SqlDialect dialect, EventRetention retention) {
    this.dataSource = dataSource;
    this.retention = retention;
    this.upsert = dialect.eventUpsert(TABLE);
    this.queue = new EventWriteBehind(this::write, EventWriteBehind.CAPACITY);
  }

  public EventRetention retention() {
    return retention;
  }

  @Override
  public RingbufferStore<ClientEvent> newRingbufferStore(String name, Properties properties) {
    return new RingStore(name);
  }

  /** One ringbuffer's rows. */
  private final class RingStore implements RingbufferStore<ClientEvent> {
    private final String ring;

    RingStore(String ring) {
      this.ring = ring;
    }

    @Override
    public void store(long sequence, ClientEvent event) {
      queue.store(ring, sequence, new ClientEvent[] {event});
    }

    @Override
    public void storeAll(long firstItemSequence, ClientEvent[] events) {
      queue.store(ring, firstItemSequence, events);
    }

    @Override
    public ClientEvent load(long sequence) {
      List<ClientEvent> found = read(ring, sequence, sequence + 1, 1);
      // null: the retention dropped it (a read skips it)
      return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public long getLargestSequence() {
      // the queue first: a row leaves it only once the table has it
      long queued = queue.largestPending(ring);
      long stored = work("find the newest event of " + ring, connection -> {
        try (PreparedStatement p = connection.prepareStatement("SELECT MAX(seq) FROM " + TABLE + " WHERE ring = ?")) {
          p.setString(1, ring);
          try (ResultSet r = p.executeQuery()) {
            r.next();
            long max = r.getLong(1);
            return r.wasNull() ? -1L : max;
          }
        }
      });
      return Math.max(queued, stored);
    }
  }

  /** Writes rows of any ringbuffers in one transaction: an upsert, as a new primary may write again what its predecessor stored just before it died. */
  private void write(List<EventWriteBehind.Row> rows) {
    work("store " + rows.size() + " events", connection -> {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement p = connection.prepareStatement(upsert)) {
        for (EventWriteBehind.Row row : rows) {
          p.setString(1, row.ring());
          p.setLong(2, row.seq());
          p.setLong(3, row.event().timeMillis());
          p.setBytes(4, SerializedForm.write(row.event()));
          p.addBatch();
        }
        p.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
      return null;
    });
  }

  /**
   * Waits until every event stored before this call is in the table, up to {@code timeout}; true if it is. For a clean
   * shutdown of a member, before the rows of a stream are deleted, and for tests.
   */
  @Override
  public boolean flush(Duration timeout) {
    return queue.flush(timeout);
  }

  /** Writes the queued rows (up to 10 s), then stops the writer thread: the {@link DurableStore} is closing. */
  void close() {
    queue.close();
  }

  /** {@code queued} rows (read before the table) merged into the table's {@code stored}, ascending, at most {@code max}. */
  private static List<ClientEvent> merge(NavigableMap<Long, ClientEvent> queued, List<ClientEvent> stored, int max) {
    if (queued.isEmpty()) {
      return stored;
    }
    TreeMap<Long, ClientEvent> all = new TreeMap<>();
    queued.forEach((seq, event) -> all.put(seq, event.at(seq)));
    for (ClientEvent event : stored) {
      all.put(event.offset(), event);
    }
    List<ClientEvent> merged = new ArrayList<>(Math.min(all.size(), max));
    for (ClientEvent event : all.values()) {
      if (merged.size() == max) {
        break;
      }
      merged.add(event);
    }
    return merged;
  }

  @Override
  public List<ClientEvent> read(String ring, long from, long to, int max) {
    NavigableMap<Long, ClientEvent> queued = queue.pending(ring, from, to);
    return merge(queued, work("read the events of " + ring, connection -> {
      try (PreparedStatement p = connection.prepareStatement("SELECT seq, body FROM " + TABLE
          + " WHERE ring = ? AND seq >= ? AND seq < ? ORDER BY seq LIMIT ?")) {
        p.setString(1, ring);
        p.setLong(2, from);
        p.setLong(3, to);
        p.setInt(4, max);
        return events(p);
      }
    }), max);
  }

  @Override
  public List<ClientEvent> between(String ring, long fromMillis, long toMillis, long to) {
    NavigableMap<Long, ClientEvent> queued = queue.pending(ring, 0, to);
    queued.values().removeIf(e -> e.timeMillis() < fromMillis || e.timeMillis() > toMillis);
    return merge(queued, work("read the events of " + ring, connection -> {
      try (PreparedStatement p = connection.prepareStatement("SELECT seq, body FROM " + TABLE
          + " WHERE ring = ? AND time_ms >= ? AND time_ms <= ? AND seq < ? ORDER BY seq")) {
        p.setString(1, ring);
        p.setLong(2, fromMillis);
        p.setLong(3, toMillis);
        p.setLong(4, to);
        return events(p);
      }
    }), Integer.MAX_VALUE);
  }

  private static List<ClientEvent> events(PreparedStatement query) throws SQLException {
    List<ClientEvent> events = new ArrayList<>();
    try (ResultSet r = query.executeQuery()) {
      while (r.next()) {
        events.add(((ClientEvent) SerializedForm.read(r.getBytes(2))).at(r.getLong(1)));
      }
    }
    return events;
  }

  @Override
  public void delete(String ring) {
    // what is queued first, or the writer would bring rows back after the delete
    flush(Duration.ofSeconds(30));
    queue.forget(ring);
    work("delete the events of " + ring, connection -> {
      try (PreparedStatement p = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE ring = ?")) {
        p.setString(1, ring);
        return p.executeUpdate();
      }
    });
  }

  /**
   * Deletes the rows the retention drops as of {@code nowMillis}: older than the maximum age, or more than the
   * maximum count behind their stream's newest row; never a stream's newest row. Idempotent. Returns how many.
   */
  public int enforceRetention(long nowMillis) {
    // the queued rows first: the newest row of each stream is then its newest event
    flush(Duration.ofSeconds(30));
    String newest = "(SELECT MAX(n.seq) FROM " + TABLE + " n WHERE n.ring = " + TABLE + ".ring)";
    return work("apply the event retention", connection -> {
      int deleted;
      try (PreparedStatement p = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE time_ms < ? AND seq < "
          + newest)) {
        p.setLong(1, nowMillis - retention.maxAge().toMillis());
        deleted = p.executeUpdate();
      }
      try (PreparedStatement p = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE seq <= " + newest
          + " - ?")) {
        p.setLong(1, retention.maxEvents());
        deleted += p.executeUpdate();
      }
      return deleted;
    });
  }

  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T work(String what, SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new DurableStoreException("event store (table " + TABLE + "): cannot " + what + ": " + e.getMessage(), e);
    }
  }
}
