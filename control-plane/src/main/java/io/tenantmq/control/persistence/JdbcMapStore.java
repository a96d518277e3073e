package io.tenantmq.control.persistence;

import com.hazelcast.map.MapStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One Hazelcast map written through to one table: a row per entry, found by the SHA-256 of the key's stable text
 * ({@link KeyText}), key and value kept in {@link SerializedForm}. Generic, so every durable map uses it whatever
 * its key and value records are. Hazelcast calls it from its MapStore threads, blocking; a failure surfaces as the
 * failure of the map operation that caused it, so nothing is acknowledged that is not in the database.
 */
public final class JdbcMapStore<K, V> implements MapStore<K, V> {

  /** Rows per {@code IN (…)} query of {@link #loadAll}: far below every database's parameter limit. */
  private static final int LOAD_BATCH = 500;

  private final DataSource dataSource;
  private final String mapName;
  private final String upsert;
  private final String delete;
  private final String select;
  private final String selectKeys;
  private final String table;

  JdbcMapStore(DataSource dataSource, SqlDialect dialect, String mapName, String table) {
    this.dataSource = dataSource;
    this.mapName = mapName;
    this.table = table;
    this.upsert = dialect.upsert(table);
    this.delete = "DELETE FROM " + table + " WHERE key_id = ?";
    this.select = "SELECT value_data FROM " + table + " WHERE key_id = ?";
    this.selectKeys = "SELECT key_data FROM " + table;
  }

  /** The table this map is kept in. */
  public String table() {
    return table;
  }

  @Override
  public void store(K key, V value) {
    storeAll(Map.of(key, value));
  }

  @Override
  public void storeAll(Map<K, V> entries) {
    if (entries.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis();
    inTransaction("store " + entries.size() + " entries", connection -> {
      try (PreparedStatement p = connection.prepareStatement(upsert)) {
        for (Map.Entry<K, V> e : entries.entrySet()) {
          String text = KeyText.of(e.getKey());
          p.setString(1, KeyText.id(text));
          p.setString(2, text);
          p.setBytes(3, SerializedForm.write(e.getKey()));
          p.setBytes(4, SerializedForm.write(e.getValue()));
          p.setLong(5, now);
          p.addBatch();
        }
        p.executeBatch();
      }
    });
  }

  @Override
  public void delete(K key) {
    deleteAll(List.of(key));
  }

  @Override
  public void deleteAll(Collection<K> keys) {
    if (keys.isEmpty()) {
      return;
    }
    inTransaction("delete " + keys.size() + " entries", connection -> {
      try (PreparedStatement p = connection.prepareStatement(delete)) {
        for (K key : keys) {
          p.setString(1, KeyText.id(KeyText.of(key)));
          p.addBatch();
        }
        p.executeBatch();
      }
    });
  }

  @Override
  @SuppressWarnings("unchecked")
  public V load(K key) {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement p = connection.prepareStatement(select)) {
      p.setString(1, KeyText.id(KeyText.of(key)));
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? (V) SerializedForm.read(r.getBytes(1)) : null;
      }
    } catch (SQLException e) {
      throw failure("load an entry", e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<K, V> loadAll(Collection<K> keys) {
    Map<String, K> byId = new HashMap<>();
    for (K key : keys) {
      byId.put(KeyText.id(KeyText.of(key)), key);
    }
    List<String> ids = new ArrayList<>(byId.keySet());
    Map<K, V> found = new HashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      for (int from = 0; from < ids.size(); from += LOAD_BATCH) {
        List<String> batch = ids.subList(from, Math.min(ids.size(), from + LOAD_BATCH));
        String sql = "SELECT key_id, value_data FROM " + table + " WHERE key_id IN ("
            + String.join(",", Collections.nCopies(batch.size(), "?")) + ")";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
          for (int i = 0; i < batch.size(); i++) {
            p.setString(i + 1, batch.get(i));
          }
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              found.put(byId.get(r.getString(1)), (V) SerializedForm.read(r.getBytes(2)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw failure("load " + keys.size() + " entries", e);
    }
    return found;
  }

  /** Every key of the table: with eager loading, Hazelcast then loads the whole map when it is created. */
  @Override
  @SuppressWarnings("unchecked")
  public Iterable<K> loadAllKeys() {
    List<K> keys = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
         PreparedStatement p = connection.prepareStatement(selectKeys);
         ResultSet r = p.executeQuery()) {
      while (r.next()) {
        keys.add((K) SerializedForm.read(r.getBytes(1)));
      }
    } catch (SQLException e) {
      throw failure("list the keys", e);
    }
    return keys;
  }

  private interface SqlWork {
    void run(Connection connection) throws SQLException;
  }

  private void inTransaction(String what, SqlWork work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        work.run(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private DurableStoreException failure(String what, SQLException e) {
    return new DurableStoreException("durable map " + mapName + " (table " + table + "): cannot " + what + ": "
        + e.getMessage(), e);
  }
}
