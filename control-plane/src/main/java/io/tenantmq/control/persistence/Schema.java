package io.tenantmq.control.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The database schema, created or migrated when a store opens. {@code schema_version} holds one row per migration
 * applied; migrations run in order, once, under {@link SqlDialect#lockSchema}, each in its own transaction. Every map
 * has a table of the same layout, created when the map is first configured and listed in {@code durable_maps}, so a
 * later migration that changes the layout can find every table to change.
 */
final class Schema {

  /**
   * One step of the schema; its statements run in one transaction. {@value #BINARY} in a statement stands for the
   * dialect's type of serialized values.
   */
  record Migration(int version, String description, List<String> statements) {
  }

  static final String BINARY = "{binary}";

  static final List<Migration> MIGRATIONS = List.of(
      new Migration(1, "registry of durable map tables", List.of(
          "CREATE TABLE IF NOT EXISTS durable_maps (map_name VARCHAR(200) PRIMARY KEY,"
              + " table_name VARCHAR(63) NOT NULL UNIQUE, created_at BIGINT NOT NULL)")),
      // the events of every instance's stream, by ringbuffer name and sequence (the event's offset); time_ms for the
      // retention by age and for history queries, without an index of its own: the retention scans the table once
      // per period, and concurrent CREATE INDEX IF NOT EXISTS fails in H2 where CREATE TABLE does not
      new Migration(2, "event streams", List.of(
          "CREATE TABLE IF NOT EXISTS " + JdbcEventArchive.TABLE + " (ring VARCHAR(200) NOT NULL, seq BIGINT NOT NULL,"
              + " time_ms BIGINT NOT NULL, body " + BINARY + " NOT NULL, PRIMARY KEY (ring, seq))")));

  /** The newest version this build knows. */
  static final int VERSION = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

  private static final String UNIQUE_VIOLATION = "23505";
  private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private Schema() {
  }

  /** Brings the database to {@link #VERSION}; fails when it is newer than this build. */
  static void migrate(Connection connection, SqlDialect dialect) throws SQLException {
    locked(connection, dialect, () -> {
      onceMoreIfRaced(() -> execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY,"
          + " description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)"));
      int current = currentVersion(connection);
      if (current > VERSION) {
        throw new DurableStoreException("the database schema is at version " + current
            + ", newer than this TenantMQ build knows (" + VERSION + "); upgrade TenantMQ");
      }
      for (Migration m : MIGRATIONS) {
        // each migration races on its own: an opener that lost one sees the winner's row and goes on to the next
        onceMoreIfRaced(() -> {
          if (m.version() > currentVersion(connection)) {
            inTransaction(connection, () -> {
              for (String sql : m.statements()) {
                execute(connection, sql.replace(BINARY, dialect.binaryType()));
              }
              try (PreparedStatement p = connection.prepareStatement(
                  "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                p.setInt(1, m.version());
                p.setString(2, m.description());
                p.setLong(3, System.currentTimeMillis());
                p.executeUpdate();
              }
            });
          }
        });
      }
    });
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
         ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      r.next();
      return r.getInt(1);
    }
  }

  /** The table of one map, {@code tmq_<name>}: {@code tenantmq.mqtt-users} is kept in {@code tmq_mqtt_users}. */
  static String tableName(String mapName) {
    String table = "tmq_" + mapName.replaceFirst("^tenantmq\\.", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    if (!TABLE_NAME.matcher(table).matches()) {
      throw new IllegalArgumentException("map name '" + mapName + "' gives no valid table name");
    }
    return table;
  }

  /** Creates the map's table unless it exists and records it in {@code durable_maps}; returns the table name. */
  static String ensureMapTable(Connection connection, SqlDialect dialect, String mapName) throws SQLException {
    String table = tableName(mapName);
    locked(connection, dialect, () -> onceMoreIfRaced(() -> inTransaction(connection, () -> {
      // key_id: SHA-256 of key_text, unique and fixed-width whatever the key's length; key_data: the serialized key,
      // what loadAllKeys returns; value_data: the serialized value
      execute(connection, "CREATE TABLE IF NOT EXISTS " + table + " (key_id CHAR(64) PRIMARY KEY,"
          + " key_text VARCHAR NOT NULL, key_data " + dialect.binaryType() + " NOT NULL,"
          + " value_data " + dialect.binaryType() + " NOT NULL, updated_at BIGINT NOT NULL)");
      String registered = null;
      try (PreparedStatement p = connection.prepareStatement("SELECT map_name FROM durable_maps WHERE table_name = ?")) {
        p.setString(1, table);
        try (ResultSet r = p.executeQuery()) {
          if (r.next()) {
            registered = r.getString(1);
          }
        }
      }
      if (registered == null) {
        try (PreparedStatement p = connection.prepareStatement(
            "INSERT INTO durable_maps (map_name, table_name, created_at) VALUES (?, ?, ?)")) {
          p.setString(1, mapName);
          p.setString(2, table);
          p.setLong(3, System.currentTimeMillis());
          p.executeUpdate();
        }
      } else if (!registered.equals(mapName)) {
        throw new DurableStoreException("maps '" + registered + "' and '" + mapName + "' would share table " + table);
      }
    })));
    return table;
  }

  private interface SqlWork {
    void run() throws SQLException;
  }

  /**
   * Runs {@code work} again when it lost a race for a row (SQLState 23505, unique violation): processes sharing an H2
   * file ({@code AUTO_SERVER=TRUE}) take no schema lock, and the second attempt sees what the winner wrote.
   */
  private static void onceMoreIfRaced(SqlWork work) throws SQLException {
    try {
      work.run();
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      work.run();
    }
  }

  private static void locked(Connection connection, SqlDialect dialect, SqlWork work) throws SQLException {
    dialect.lockSchema(connection);
    try {
      work.run();
    } finally {
      dialect.unlockSchema(connection);
    }
  }

  private static void inTransaction(Connection connection, SqlWork work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      work.run();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }
}
