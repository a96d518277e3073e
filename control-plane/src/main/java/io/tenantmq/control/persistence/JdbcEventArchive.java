package io.tenantmq.control.persistence;

import com.hazelcast.ringbuffer.RingbufferStore;
import com.hazelcast.ringbuffer.RingbufferStoreFactory;
import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.EventArchive;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The event streams in one table, {@code tenantmq_events(ring, seq, time_ms, body)}: a row per event, the body in
 * {@link SerializedForm}. As a {@link RingbufferStoreFactory} it gives each ringbuffer its {@link RingbufferStore}:
 * Hazelcast writes every added event through it before the add completes (on the primary only), asks it for the
 * largest stored sequence when a ringbuffer is created, so that after a restart of the cluster the offsets continue
 * where they ended, and loads from it what a read wants below the in-memory head. As an {@link EventArchive} it
 * answers range reads for the event stream directly, one query per range instead of one per offset.
 */
public final class JdbcEventArchive implements EventArchive, RingbufferStoreFactory<ClientEvent> {

  static final String TABLE = "tenantmq_events";

  private final DataSource dataSource;
  private final EventRetention retention;
  private final String upsert;

  JdbcEventArchive(DataSource dataSource, SqlDialect dialect, EventRetention retention) {
    this.dataSource = dataSource;
    this.retention = retention;
    this.upsert = dialect.eventUpsert(TABLE);
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
      storeAll(sequence, new ClientEvent[] {event});
    }

    @Override
    public void storeAll(long firstItemSequence, ClientEvent[] events) {
      // an upsert: a new primary may write again what its predecessor stored just before it died
      work("store " + events.length + " events of " + ring, connection -> {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement p = connection.prepareStatement(upsert)) {
          for (int i = 0; i < events.length; i++) {
            p.setString(1, ring);
            p.setLong(2, firstItemSequence + i);
            p.setLong(3, events[i].timeMillis());
            p.setBytes(4, SerializedForm.write(events[i]));
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

    @Override
    public ClientEvent load(long sequence) {
      List<ClientEvent> found = read(ring, sequence, sequence + 1, 1);
      // null: the retention dropped it (a read skips it)
      return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public long getLargestSequence() {
      return work("find the newest event of " + ring, connection -> {
        try (PreparedStatement p = connection.prepareStatement("SELECT MAX(seq) FROM " + TABLE + " WHERE ring = ?")) {
          p.setString(1, ring);
          try (ResultSet r = p.executeQuery()) {
            r.next();
            long max = r.getLong(1);
            return r.wasNull() ? -1L : max;
          }
        }
      });
    }
  }

  @Override
  public List<ClientEvent> read(String ring, long from, long to, int max) {
    return work("read the events of " + ring, connection -> {
      try (PreparedStatement p = connection.prepareStatement("SELECT seq, body FROM " + TABLE
          + " WHERE ring = ? AND seq >= ? AND seq < ? ORDER BY seq LIMIT ?")) {
        p.setString(1, ring);
        p.setLong(2, from);
        p.setLong(3, to);
        p.setInt(4, max);
        return events(p);
      }
    });
  }

  @Override
  public List<ClientEvent> between(String ring, long fromMillis, long toMillis, long to) {
    return work("read the events of " + ring, connection -> {
      try (PreparedStatement p = connection.prepareStatement("SELECT seq, body FROM " + TABLE
          + " WHERE ring = ? AND time_ms >= ? AND time_ms <= ? AND seq < ? ORDER BY seq")) {
        p.setString(1, ring);
        p.setLong(2, fromMillis);
        p.setLong(3, toMillis);
        p.setLong(4, to);
        return events(p);
      }
    });
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
