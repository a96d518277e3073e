package io.tenantmq.control.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The few statements that differ between the databases TenantMQ supports; everything else is plain SQL. */
enum SqlDialect {

  H2("VARBINARY") {
    @Override
    String upsert(String table) {
      return "MERGE INTO " + table + " (key_id, key_text, key_data, value_data, updated_at) KEY (key_id)"
          + " VALUES (?, ?, ?, ?, ?)";
    }

    @Override
    String eventUpsert(String table) {
      return "MERGE INTO " + table + " (ring, seq, time_ms, body) KEY (ring, seq) VALUES (?, ?, ?, ?)";
    }

    @Override
    void lockSchema(Connection connection) {
      // an H2 file is open in one process, or shared through AUTO_SERVER, where H2 serializes DDL itself and a lost
      // race for a schema row is retried (Schema.onceMoreIfRaced)
    }

    @Override
    void unlockSchema(Connection connection) {
    }
  },

  POSTGRESQL("BYTEA") {
    @Override
    String upsert(String table) {
      return "INSERT INTO " + table + " (key_id, key_text, key_data, value_data, updated_at) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (key_id) DO UPDATE SET key_text = EXCLUDED.key_text, key_data = EXCLUDED.key_data,"
          + " value_data = EXCLUDED.value_data, updated_at = EXCLUDED.updated_at";
    }

    @Override
    String eventUpsert(String table) {
      return "INSERT INTO " + table + " (ring, seq, time_ms, body) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (ring, seq) DO UPDATE SET time_ms = EXCLUDED.time_ms, body = EXCLUDED.body";
    }

    // members of a cluster start together against one database: concurrent CREATE TABLE IF NOT EXISTS can still
    // collide in PostgreSQL's catalog, so schema changes take a session-level advisory lock
    @Override
    void lockSchema(Connection connection) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute("SELECT pg_advisory_lock(" + SCHEMA_LOCK_KEY + ")");
      }
    }

    @Override
    void unlockSchema(Connection connection) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute("SELECT pg_advisory_unlock(" + SCHEMA_LOCK_KEY + ")");
      }
    }
  };

  private static final long SCHEMA_LOCK_KEY = 0x74656e616e746dL; // "tenantm"

  private final String binaryType;

  SqlDialect(String binaryType) {
    this.binaryType = binaryType;
  }

  /** The column type of serialized keys and values. */
  String binaryType() {
    return binaryType;
  }

  /** Inserts or replaces one row of a map table; parameters: key_id, key_text, key_data, value_data, updated_at. */
  abstract String upsert(String table);

  /** Inserts or replaces one event row; parameters: ring, seq, time_ms, body. */
  abstract String eventUpsert(String table);

  /** Serializes schema changes across processes sharing the database; released by {@link #unlockSchema}. */
  abstract void lockSchema(Connection connection) throws SQLException;

  abstract void unlockSchema(Connection connection) throws SQLException;

  static SqlDialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "unsupported JDBC URL: expected jdbc:h2:… or jdbc:postgresql:…, was '" + DurableStore.redact(jdbcUrl) + "'");
  }
}
