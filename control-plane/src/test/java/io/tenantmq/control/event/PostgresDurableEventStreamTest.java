package io.tenantmq.control.event;

import io.tenantmq.control.persistence.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** On a real PostgreSQL server started for this class. */
class PostgresDurableEventStreamTest extends DurableEventStreamContract {

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
  String newDatabase() throws Exception {
    return server.newDatabaseUrl();
  }
}
