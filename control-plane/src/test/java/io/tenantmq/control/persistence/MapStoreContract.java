package io.tenantmq.control.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantmq.control.credential.Credential;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.PasswordHasher;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.control.topic.MqttTopic;
import io.tenantmq.control.topic.TopicKey;
import io.tenantmq.control.user.MqttUser;
import io.tenantmq.control.user.UserKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@link JdbcMapStore} and {@link DurableStore} promise, run against each supported database by a subclass that
 * says how to get a fresh, empty database.
 */
abstract class MapStoreContract {

  /** A JDBC URL of an empty database. */
  abstract String newDatabaseUrl() throws Exception;

  @Test
  void everyControlPlaneRecordRoundTrips() throws Exception {
    try (DurableStore store = DurableStore.open(newDatabaseUrl())) {
      Tenant tenant = new Tenant("tenant-1", "Acme ünïcode", 11);
      Instance instance = new Instance("mqtt-1", "tenant-1", "prod", "remark", true, 12);
      Credential credential = new Credential("AKIDxyz", "tenant-1", CredentialKind.TENCENT, "mqtt-1", "sealed:abc",
          "ci", 13);
      MqttUser user = new MqttUser("mqtt-1", "dev/1", PasswordHasher.hash("pw"), true, false, "r", 14, 15);
      MqttTopic topic = new MqttTopic("mqtt-1", "sensors/+/temp", "t", 16, 17);

      assertRoundTrip(store.<String, Tenant>mapStore("t.tenants"), tenant.tenantId(), tenant);
      assertRoundTrip(store.<String, Instance>mapStore("t.instances"), instance.instanceId(), instance);
      assertRoundTrip(store.<String, Credential>mapStore("t.credentials"), credential.credentialId(), credential);
      assertRoundTrip(store.<UserKey, MqttUser>mapStore("t.users"), user.key(), user);
      assertRoundTrip(store.<TopicKey, MqttTopic>mapStore("t.topics"), topic.key(), topic);
    }
  }

  private static <K, V> void assertRoundTrip(JdbcMapStore<K, V> map, K key, V value) {
    map.store(key, value);
    assertThat(map.load(key)).isEqualTo(value);
    assertThat(map.loadAllKeys()).containsExactly(key);
    assertThat(map.loadAll(List.of(key))).containsExactly(Map.entry(key, value));
  }

  @Test
  void storeReplacesAndDeleteRemoves() throws Exception {
    try (DurableStore store = DurableStore.open(newDatabaseUrl())) {
      JdbcMapStore<String, Tenant> tenants = store.mapStore("t.tenants");
      tenants.store("a", new Tenant("a", "first", 1));
      tenants.store("a", new Tenant("a", "second", 2));
      assertThat(tenants.load("a").name()).isEqualTo("second");
      tenants.delete("a");
      assertThat(tenants.load("a")).isNull();
      assertThat(tenants.loadAllKeys()).isEmpty();
      tenants.delete("never-stored"); // deleting a missing key is not an error
    }
  }

  @Test
  void keysThatOnlyEscapingTellApartStayApartAndLongKeysFit() throws Exception {
    try (DurableStore store = DurableStore.open(newDatabaseUrl())) {
      JdbcMapStore<TopicKey, MqttTopic> topics = store.mapStore("t.topics");
      List<TopicKey> keys = List.of(new TopicKey("a/b", "c"), new TopicKey("a", "b/c"), new TopicKey("a\\", "/c"),
          new TopicKey("a", "\\/c"), new TopicKey("mqtt-1", "x/".repeat(20_000)), new TopicKey("mqtt-1", "温度/#"));
      for (TopicKey k : keys) {
        topics.store(k, new MqttTopic(k.instanceId(), k.topic(), null, 1, 1));
      }
      assertThat(topics.loadAllKeys()).containsExactlyInAnyOrderElementsOf(keys);
      for (TopicKey k : keys) {
        assertThat(topics.load(k).key()).isEqualTo(k);
      }
      assertThat(topics.loadAll(keys)).hasSize(keys.size());
    }
  }

  @Test
  void batchesLargerThanOneQueryStoreLoadAndDeleteEverything() throws Exception {
    try (DurableStore store = DurableStore.open(newDatabaseUrl())) {
      JdbcMapStore<UserKey, MqttUser> users = store.mapStore("t.users");
      Map<UserKey, MqttUser> many = new HashMap<>();
      for (int i = 0; i < 1_234; i++) {
        MqttUser u = new MqttUser("mqtt-b", "user-" + i, "hash-" + i, true, true, null, i, i);
        many.put(u.key(), u);
      }
      users.storeAll(many);
      List<UserKey> asked = new ArrayList<>(many.keySet());
      asked.add(new UserKey("mqtt-b", "missing"));
      assertThat(users.loadAll(asked)).isEqualTo(many);
      assertThat(users.loadAllKeys()).hasSize(many.size());
      users.deleteAll(many.keySet());
      assertThat(users.loadAllKeys()).isEmpty();
    }
  }

  @Test
  void schemaIsCreatedOnceAndReopeningKeepsTheRows() throws Exception {
    String url = newDatabaseUrl();
    try (DurableStore store = DurableStore.open(url)) {
      store.<String, Tenant>mapStore("tenantmq.tenants").store("kept", new Tenant("kept", "k", 1));
    }
    try (DurableStore store = DurableStore.open(url)) {
      JdbcMapStore<String, Tenant> tenants = store.mapStore("tenantmq.tenants");
      assertThat(tenants.table()).isEqualTo("tmq_tenants");
      assertThat(tenants.load("kept").name()).isEqualTo("k");
    }
    // each migration applied once
    assertThat(queryInts(url, "SELECT version FROM schema_version ORDER BY version"))
        .containsExactlyElementsOf(Schema.MIGRATIONS.stream().map(Schema.Migration::version).toList());
    assertThat(queryStrings(url, "SELECT table_name FROM durable_maps")).containsExactly("tmq_tenants");
  }

  @Test
  void storesOpeningTogetherOnOneDatabaseMigrateItOnce() throws Exception {
    String url = newDatabaseUrl();
    int members = 4;
    ExecutorService starting = Executors.newFixedThreadPool(members);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<DurableStore>> opened = new ArrayList<>();
      for (int i = 0; i < members; i++) {
        opened.add(starting.submit(() -> {
          go.await();
          DurableStore store = DurableStore.open(url);
          store.mapStore("tenantmq.tenants");
          store.mapStore("tenantmq.instances");
          return store;
        }));
      }
      go.countDown();
      for (Future<DurableStore> f : opened) {
        f.get(60, TimeUnit.SECONDS).close();
      }
    } finally {
      starting.shutdownNow();
    }
    // each migration applied once
    assertThat(queryInts(url, "SELECT version FROM schema_version ORDER BY version"))
        .containsExactlyElementsOf(Schema.MIGRATIONS.stream().map(Schema.Migration::version).toList());
    assertThat(queryStrings(url, "SELECT table_name FROM durable_maps"))
        .containsExactlyInAnyOrder("tmq_tenants", "tmq_instances");
  }

  @Test
  void aDatabaseOfANewerSchemaIsRefused() throws Exception {
    String url = newDatabaseUrl();
    DurableStore.open(url).close();
    execute(url, "INSERT INTO schema_version (version, description, applied_at) VALUES (999, 'future', 0)");
    assertThatThrownBy(() -> DurableStore.open(url))
        .isInstanceOf(DurableStoreException.class)
        .hasMessageContaining("version 999");
  }

  @Test
  void mapsWhoseNamesGiveTheSameTableAreRefused() throws Exception {
    try (DurableStore store = DurableStore.open(newDatabaseUrl())) {
      store.mapStore("tenantmq.a-b");
      assertThatThrownBy(() -> store.mapStore("tenantmq.a.b"))
          .isInstanceOf(DurableStoreException.class)
          .hasMessageContaining("share table tmq_a_b");
    }
  }

  @Test
  void aKeyWithoutStableTextIsRefusedBeforeAnythingIsWritten() throws Exception {
    try (DurableStore store = DurableStore.open(newDatabaseUrl())) {
      JdbcMapStore<Object, String> odd = store.mapStore("t.odd");
      assertThatThrownBy(() -> odd.store(new Object(), "v")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no stable text");
      assertThat(odd.loadAllKeys()).isEmpty();
    }
  }

  static void execute(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static List<Integer> queryInts(String url, String sql) throws Exception {
    List<Integer> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
         ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getInt(1));
      }
    }
    return values;
  }

  static List<String> queryStrings(String url, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
         ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }
}
