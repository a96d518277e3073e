package io.tenantmq.control.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.control.tenant.Tenant;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map store contract on the default database: an H2 file in a data directory. */
class H2MapStoreTest extends MapStoreContract {

  @TempDir
  static Path dataDir;

  @Override
  String newDatabaseUrl() {
    return DurableStore.h2Url(dataDir.resolve(UUID.randomUUID().toString()));
  }

  @Test
  void defaultDatabaseIsTheTenantmqFileInTheDataDirectory() {
    assertThat(DurableStore.h2Url(Path.of("/var/lib/tenantmq"))).isEqualTo("jdbc:h2:file:/var/lib/tenantmq/tenantmq");
  }

  @Test
  void h2UrlsGetCommitsOnDiskAtOnceUnlessTheySayOtherwise() {
    assertThat(DurableStore.durableH2("jdbc:h2:file:/d/tenantmq"))
        .isEqualTo("jdbc:h2:file:/d/tenantmq;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    assertThat(DurableStore.durableH2("jdbc:h2:file:/d/x;write_delay=100;DB_CLOSE_ON_EXIT=TRUE"))
        .isEqualTo("jdbc:h2:file:/d/x;write_delay=100;DB_CLOSE_ON_EXIT=TRUE");
    assertThat(DurableStore.durableH2("jdbc:h2:file:/shared/tenantmq;AUTO_SERVER=TRUE"))
        .isEqualTo("jdbc:h2:file:/shared/tenantmq;AUTO_SERVER=TRUE;WRITE_DELAY=0");
  }

  @Test
  void severalStoresShareOneFileInAutoServerMode() throws Exception {
    String url = DurableStore.h2Url(dataDir.resolve(UUID.randomUUID().toString())) + ";AUTO_SERVER=TRUE";
    try (DurableStore first = DurableStore.open(url); DurableStore second = DurableStore.open(url)) {
      first.<String, Tenant>mapStore("t.tenants").store("a", new Tenant("a", "from the first", 1));
      assertThat(second.<String, Tenant>mapStore("t.tenants").load("a").name()).isEqualTo("from the first");
    }
  }

  @Test
  void passwordsNeverReachTheLogs() {
    assertThat(DurableStore.redact("jdbc:postgresql://db:5432/tmq?user=tmq&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/tmq?user=tmq&password=***&ssl=true");
    assertThat(DurableStore.redact("jdbc:h2:file:/d/x;PASSWORD=s3cret;CIPHER=AES")).doesNotContain("s3cret");
  }
}
