package io.tenantmq.control.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Restart on a real PostgreSQL server started for this class. */
class PostgresDurableClusterTest extends DurableClusterContract {

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
}
