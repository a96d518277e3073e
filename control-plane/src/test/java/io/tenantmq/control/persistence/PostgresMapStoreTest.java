package io.tenantmq.control.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The map store contract on a real PostgreSQL server started for this class. */
class PostgresMapStoreTest extends MapStoreContract {

  static PostgresServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Override
  String newDatabaseUrl() throws Exception {
    return server.newDatabaseUrl();
  }

  @Test
  void anUnreachableDatabaseFailsTheStartWithTheRedactedUrl() {
    assertThatThrownBy(() -> DurableStore.open("jdbc:postgresql://127.0.0.1:1/none?user=x&password=hidden"))
        .isInstanceOf(DurableStoreException.class)
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("hidden");
  }

  @Test
  void anUnsupportedUrlIsRefused() {
    assertThatThrownBy(() -> DurableStore.open("jdbc:mysql://db/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql:");
  }
}
