package io.tenantmq.control.persistence;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** Restart on the default database, an H2 file. */
class H2DurableClusterTest extends DurableClusterContract {

  @TempDir
  static Path dataDir;

  @Override
  String newDatabaseUrl() {
    return DurableStore.h2Url(dataDir.resolve(UUID.randomUUID().toString()));
  }
}
