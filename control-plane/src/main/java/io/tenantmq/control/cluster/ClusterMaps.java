package io.tenantmq.control.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import io.tenantmq.control.command.HazelcastNodeCommands;

/** Adds TenantMQ's map configurations (formats, indexes, backups) to a Hazelcast config before the member starts. */
public final class ClusterMaps {

  private ClusterMaps() {
  }

  public static Config configure(Config config) {
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
    config.addMapConfig(new MapConfig(MapNames.TOPICS).setBackupCount(1)
        .addIndexConfig(new IndexConfig(IndexType.HASH, "instanceId")));
    config.addExecutorConfig(new ExecutorConfig(HazelcastNodeCommands.EXECUTOR).setPoolSize(8));
    config.addMapConfig(new MapConfig(MapNames.CLUSTER_SETTINGS).setBackupCount(1));
    return config;
  }
}
