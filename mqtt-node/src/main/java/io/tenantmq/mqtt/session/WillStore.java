package io.tenantmq.mqtt.session;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.registry.ClientKey;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The wills of the cluster's live connections ({@link MapNames#WILLS}): written at CONNECT when the connection has a
 * will it may publish, taken when the connection ends (published or discarded by its node, or published by whoever
 * reports its node's crash). Taking is a remove that only succeeds for the same channel, on the entry's partition, so
 * a will is published at most once, and never one of a newer connection.
 *
 * <p>Owned by: nobody; every method returns at once and completes on {@code context}.
 */
public final class WillStore {

  private final IMap<ClientKey, StoredWill> wills;

  public WillStore(HazelcastInstance hazelcast) {
    this.wills = hazelcast.getMap(MapNames.WILLS);
  }

  Future<Void> put(ClientKey key, StoredWill will, Context context) {
    return Future.fromCompletionStage(wills.setAsync(key, will), context);
  }

  /** Removes and returns the will of {@code channelId}; null when there is none (another channel's is left alone). */
  public Future<StoredWill> take(ClientKey key, String channelId, Context context) {
    CompletionStage<StoredWill> taken = wills.submitToKey(key, new TakeIfChannel(channelId));
    return Future.fromCompletionStage(taken, context);
  }

  /** Results travel serialized, so this returns the will itself (or null). */
  private record TakeIfChannel(String channelId) implements EntryProcessor<ClientKey, StoredWill, StoredWill> {
    @Override
    public StoredWill process(Map.Entry<ClientKey, StoredWill> entry) {
      StoredWill will = entry.getValue();
      if (will == null || !will.channelId().equals(channelId)) {
        return null;
      }
      entry.setValue(null);
      return will;
    }
  }
}
