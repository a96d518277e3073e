package io.tenantmq.control.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.RingbufferConfig;
import io.tenantmq.control.command.HazelcastNodeCommands;
import io.tenantmq.control.event.HazelcastEventStream;
import io.tenantmq.control.persistence.DurableStore;
import io.tenantmq.control.registry.ClientRecordSerializer;
import java.util.List;

/**
 * Adds TenantMQ's map configurations (formats, indexes, backups) to a Hazelcast config before the member starts, and
 * the write-through stores of the durable maps when there is a database.
 */
public final class ClusterMaps {

  /**
   * The maps that survive a restart of every member. Not {@link MapNames#CLIENTS} and {@link MapNames#ROUTES}: after a
   * full restart no connection is live.
   */
  public static final List<String> DURABLE = List.of(MapNames.TENANTS, MapNames.INSTANCES, MapNames.CREDENTIALS,
      MapNames.MQTT_USERS, MapNames.TOPICS, MapNames.RETAINED, MapNames.SESSIONS, MapNames.BANS, MapNames.TOKENS,
      MapNames.CLUSTER_SETTINGS, MapNames.EVENT_CONSUMERS,
      MapNames.ACL, MapNames.QUOTAS);

  private ClusterMaps() {
  }

  /** How many online/offline events each instance's stream keeps. */
  public static final int EVENTS_PER_INSTANCE = 100_000;

  /** Every map in memory only: what tests without a database use. */
  public static Config configure(Config config) {
    return configure(config, null);
  }

  /**
   * With {@code store} null the durable maps and the event streams live in memory only. Creates their tables
   * (blocking).
   */
  public static Config configure(Config config, DurableStore store) {
    config.getSerializationConfig().getCompactSerializationConfig().addSerializer(new ClientRecordSerializer());
    // OBJECT format: entry processors and indexed queries work on live objects, without a deserialization per call
    config.addMapConfig(new MapConfig(MapNames.CLIENTS)
        .setInMemoryFormat(InMemoryFormat.OBJECT)
        .setBackupCount(1)
        .addIndexConfig(new IndexConfig(IndexType.HASH, "instanceId"))
        .addIndexConfig(new IndexConfig(IndexType.HASH, "node")));
    config.addMapConfig(new MapConfig(MapNames.ROUTES)
        .setInMemoryFormat(InMemoryFormat.OBJECT)
        .setBackupCount(1));
    config.addMapConfig(new MapConfig(MapNames.RETAINED)
        .setInMemoryFormat(InMemoryFormat.OBJECT)
        .setBackupCount(1)
        .addIndexConfig(new IndexConfig(IndexType.HASH, "instanceId")));
    config.addMapConfig(new MapConfig(MapNames.TENANTS).setBackupCount(1));
    config.addMapConfig(new MapConfig(MapNames.INSTANCES).setBackupCount(1)
        .addIndexConfig(new IndexConfig(IndexType.HASH, "tenantId")));
    config.addMapConfig(new MapConfig(MapNames.CREDENTIALS).setBackupCount(1)
        .addIndexConfig(new IndexConfig(IndexType.HASH, "tenantId")));
    config.addMapConfig(new MapConfig(MapNames.MQTT_USERS).setBackupCount(1)
        .addIndexConfig(new IndexConfig(IndexType.HASH, "instanceId")));
    config.addMapConfig(new MapConfig(MapNames.ACL).setBackupCount(1));
    config.addMapConfig(new MapConfig(MapNames.TOPICS).setBackupCount(1)
        .addIndexConfig(new IndexConfig(IndexType.HASH, "instanceId")));
    config.addMapConfig(new MapConfig(MapNames.BANS).setBackupCount(1)
        .addIndexConfig(new IndexConfig(IndexType.HASH, "instanceId")));
    config.addMapConfig(new MapConfig(MapNames.TOKENS).setBackupCount(1)
        .addIndexConfig(new IndexConfig(IndexType.HASH, "instanceId")));
    // each instance's online/offline events; the capacity is the retention in memory (the oldest are overwritten);
    // OBJECT: filters run on live events, and the store gets events, not Hazelcast's bytes
    RingbufferConfig events = new RingbufferConfig(HazelcastEventStream.PREFIX + "*")
        .setCapacity(store == null ? EVENTS_PER_INSTANCE : store.eventArchive().retention().maxEvents())
        .setBackupCount(1)
        .setInMemoryFormat(InMemoryFormat.OBJECT);
    if (store != null) {
      events.setRingbufferStoreConfig(store.eventStoreConfig());
    }
    config.addRingBufferConfig(events);
    config.addMapConfig(new MapConfig(MapNames.EVENT_CONSUMERS).setBackupCount(1)
        .addIndexConfig(new IndexConfig(IndexType.HASH, "instanceId")));
    config.addExecutorConfig(new ExecutorConfig(HazelcastNodeCommands.EXECUTOR).setPoolSize(8));
    config.addMapConfig(new MapConfig(MapNames.CLUSTER_SETTINGS).setBackupCount(1));
    config.addMapConfig(new MapConfig(MapNames.QUOTAS).setBackupCount(1));
    // refreshed by each node while it has usage to report; a departed node's entries expire by their TTL
    config.addMapConfig(new MapConfig(MapNames.QUOTA_USAGE).setBackupCount(1));
    // a crashed member's wills and the survivors' note that its connections are reported must outlive one more member
    config.addMapConfig(new MapConfig(MapNames.WILLS).setBackupCount(1));
    config.addMapConfig(new MapConfig(MapNames.NODE_SWEEPS).setBackupCount(1));
    // entries expire by their own TTL; never evicted early, or a nonce could be replayed inside its window
    config.addMapConfig(new MapConfig(MapNames.ALIYUN_RPC_NONCES).setBackupCount(1));
    if (store != null) {
      for (String name : DURABLE) {
        // getMapConfig adds a default configuration for a map configured nowhere above
        config.getMapConfig(name).setMapStoreConfig(store.mapStoreConfig(name));
      }
    }
    return config;
  }
}
