package io.tenantmq.control.persistence;

import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.config.RingbufferStoreConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database the durable maps write through to: a small connection pool on a JDBC URL, the schema brought up to
 * date when it opens, and one {@link JdbcMapStore} per map. H2 ({@code jdbc:h2:…}, by default a file in the data
 * directory) or PostgreSQL ({@code jdbc:postgresql://host:port/db?user=…&password=…}); every member of a cluster must
 * point at the same database. Thread-safe; close it after the Hazelcast member has shut down.
 */
public final class DurableStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DurableStore.class);

  /** File name (without H2's {@code .mv.db}) of the default database in the data directory. */
  public static final String H2_FILE_NAME = "tenantmq";

  private final HikariDataSource dataSource;
  private final SqlDialect dialect;
  private final String redactedUrl;
  private final Map<String, JdbcMapStore<?, ?>> stores = new ConcurrentHashMap<>();
  private final JdbcEventArchive events;
  private final ScheduledExecutorService retention;

  private DurableStore(HikariDataSource dataSource, SqlDialect dialect, String redactedUrl,
                       EventRetention eventRetention) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.redactedUrl = redactedUrl;
    this.events = new JdbcEventArchive(dataSource, dialect, eventRetention);
    this.retention = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tenantmq-event-retention");
      t.setDaemon(true);
      return t;
    });
    long period = EventRetention.CHECK_PERIOD.toMillis();
    retention.scheduleWithFixedDelay(this::enforceEventRetention, period, period, TimeUnit.MILLISECONDS);
  }

  private void enforceEventRetention() {
    try {
      int deleted = events.enforceRetention(System.currentTimeMillis());
      if (deleted > 0) {
        LOG.info("event retention: {} stored events dropped", deleted);
      }
    } catch (RuntimeException e) {
      // the next period tries again; a failure must not end the schedule
      LOG.warn("event retention failed: {}", e.getMessage());
    }
  }

  /** The default: {@code jdbc:h2:file:<dataDir>/tenantmq}, i.e. the file {@code <dataDir>/tenantmq.mv.db}. */
  public static String h2Url(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(H2_FILE_NAME);
  }

  /**
   * Connects (failing at once when the database cannot be reached) and creates or migrates the schema. Blocking.
   *
   * @throws IllegalArgumentException  for a URL that is neither H2 nor PostgreSQL
   * @throws DurableStoreException     when the database cannot be reached or migrated
   */
  public static DurableStore open(String jdbcUrl) {
    return open(jdbcUrl, EventRetention.DEFAULT);
  }

  /** As {@link #open(String)}, keeping the event streams' stored events as {@code eventRetention} says. */
  public static DurableStore open(String jdbcUrl, EventRetention eventRetention) {
    SqlDialect dialect = SqlDialect.of(jdbcUrl);
    String redacted = redact(jdbcUrl);
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("tenantmq-store");
    pool.setJdbcUrl(dialect == SqlDialect.H2 ? durableH2(jdbcUrl) : jdbcUrl);
    // Hazelcast runs MapStore calls on a few threads of its own; more connections would only wait on locks
    pool.setMaximumPoolSize(dialect == SqlDialect.H2 ? 4 : 8);
    pool.setMinimumIdle(1);
    pool.setConnectionTimeout(30_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(pool);
    } catch (RuntimeException e) {
      throw new DurableStoreException("cannot connect to the durable store " + redacted + ": " + rootMessage(e), e);
    }
    try (Connection connection = dataSource.getConnection()) {
      Schema.migrate(connection, dialect);
    } catch (SQLException | RuntimeException e) {
      dataSource.close();
      if (e instanceof DurableStoreException d) {
        throw d;
      }
      throw new DurableStoreException("cannot prepare the schema of " + redacted + ": " + rootMessage(e), e);
    }
    LOG.info("durable store {} at schema version {}", redacted, Schema.VERSION);
    return new DurableStore(dataSource, dialect, redacted, eventRetention);
  }

  /** The URL with any password masked, safe to log. */
  public String url() {
    return redactedUrl;
  }

  /** The store of one map, its table created if needed. Blocking on first use; the same instance afterwards. */
  @SuppressWarnings("unchecked")
  public <K, V> JdbcMapStore<K, V> mapStore(String mapName) {
    return (JdbcMapStore<K, V>) stores.computeIfAbsent(mapName, name -> {
      try (Connection connection = dataSource.getConnection()) {
        return new JdbcMapStore<>(dataSource, dialect, name, Schema.ensureMapTable(connection, dialect, name));
      } catch (SQLException e) {
        throw new DurableStoreException("cannot create the table of map " + name + " in " + redactedUrl, e);
      }
    });
  }

  /**
   * How a durable map uses its store: write-through (a write completes once the database has it) and eager initial
   * load, because Hazelcast queries only see entries in memory and the lists of instances, users, credentials and
   * topics are predicate queries.
   */
  public MapStoreConfig mapStoreConfig(String mapName) {
    return new MapStoreConfig()
        .setEnabled(true)
        .setImplementation(mapStore(mapName))
        .setWriteDelaySeconds(0)
        .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER);
  }

  /** The event streams' table: the ringbuffers' store, and range reads of what they no longer hold in memory. */
  public JdbcEventArchive eventArchive() {
    return events;
  }

  /**
   * How the event streams' ringbuffers use the store: every event queued and written behind in batches (see
   * {@link JdbcEventArchive}), the stream continuing after the largest stored offset when the cluster restarts.
   */
  public RingbufferStoreConfig eventStoreConfig() {
    return new RingbufferStoreConfig().setEnabled(true).setFactoryImplementation(events);
  }

  @Override
  public void close() {
    // the queued events first, while the pool is open
    events.close();
    retention.shutdownNow();
    dataSource.close();
  }

  /**
   * H2 by default writes committed changes to its file up to half a second later, so a killed process would lose
   * them: write-through needs {@code WRITE_DELAY=0}. H2 also closes the database from its own shutdown hook, which
   * would fail the writes of a clean stop that runs in ours; the pool closes it instead (except with
   * {@code AUTO_SERVER=TRUE}, the mode in which several processes share one file, which H2 allows only with its hook).
   * A URL that sets either keeps its own value.
   */
  static String durableH2(String url) {
    String upper = url.toUpperCase(Locale.ROOT);
    StringBuilder u = new StringBuilder(url);
    if (!upper.contains(";WRITE_DELAY=")) {
      u.append(";WRITE_DELAY=0");
    }
    if (!upper.contains(";DB_CLOSE_ON_EXIT=") && !upper.contains(";AUTO_SERVER=TRUE")) {
      u.append(";DB_CLOSE_ON_EXIT=FALSE");
    }
    return u.toString();
  }

  /** Masks {@code password=…} of PostgreSQL query strings and H2 settings. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
