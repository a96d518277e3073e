package io.tenantmq.control.cluster;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Records of one kind that belong to instances (users, topics, …), in one Hazelcast map whose values have an
 * {@code instanceId} attribute (indexed). Lists go through the index, so they never read another instance's records;
 * they run on {@code queryExecutor} because Hazelcast queries block.
 */
public final class ScopedRecords<K, V> {

  private final IMap<K, V> map;
  private final Executor queryExecutor;
  private final Comparator<V> order;

  public ScopedRecords(IMap<K, V> map, Executor queryExecutor, Comparator<V> order) {
    this.map = map;
    this.queryExecutor = queryExecutor;
    this.order = order;
  }

  public CompletionStage<Optional<V>> get(K key) {
    return map.getAsync(key).thenApply(Optional::ofNullable);
  }

  /** Stores {@code value} unless the key has one; true when it was stored. */
  public CompletionStage<Boolean> createIfAbsent(K key, V value) {
    return map.submitToKey(key, new PutIfAbsent<K, V>(value)).thenApply(stored -> stored.equals(value));
  }

  /** Replaces the value of an existing key; false when there is none. */
  public CompletionStage<Boolean> replace(K key, V value) {
    return map.submitToKey(key, new ReplaceIfPresent<>(value));
  }

  public CompletionStage<Boolean> delete(K key) {
    return map.removeAsync(key).thenApply(previous -> previous != null);
  }

  /** The records of one instance, in {@code order}. */
  public CompletionStage<List<V>> list(String instanceId) {
    return CompletableFuture.supplyAsync(() -> {
      List<V> found = new ArrayList<>(map.values(Predicates.equal("instanceId", instanceId)));
      found.sort(order);
      return List.copyOf(found);
    }, queryExecutor);
  }

  /** Removes every record of one instance; returns how many. */
  public CompletionStage<Integer> deleteAll(String instanceId) {
    return CompletableFuture.supplyAsync(() -> {
      var keys = map.keySet(Predicates.equal("instanceId", instanceId));
      keys.forEach(map::delete);
      return keys.size();
    }, queryExecutor);
  }
}
