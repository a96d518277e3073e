package io.tenantmq.control.event;

import io.tenantmq.control.persistence.DurableStore;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** On the default database, an H2 file. */
class H2DurableEventStreamTest extends DurableEventStreamContract {

  @TempDir
  static Path dataDir;

  @Override
  String newDatabase() {
    return DurableStore.h2Url(dataDir.resolve(UUID.randomUUID().toString()));
  }
}
