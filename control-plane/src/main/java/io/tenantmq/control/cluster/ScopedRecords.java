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
import java.util.function.Function;

/**
 * {@link InstanceRecords} on one Hazelcast map whose values have an {@code instanceId} attribute (indexed). Lists go
 * through the index, so they never read another instance's records; they run on {@code queryExecutor} because
 * Hazelcast queries block.
 */
public class ScopedRecords<K, V> implements InstanceRecords<K, V> {

  private final IMap<K, V> map;
  private final Function<V, K> keyOf;
  private final Executor queryExecutor;
  private final Comparator<V> order;

  public ScopedRecords(IMap<K, V> map, Function<V, K> keyOf, Executor queryExecutor, Comparator<V> order) {
    this.map = map;
    this.keyOf = keyOf;
    this.queryExecutor = queryExecutor;
    this.order = order;
  }

  @Override
  public CompletionStage<Optional<V>> get(K key) {
    return map.getAsync(key).thenApply(Optional::ofNullable);
  }

  @Override
  public CompletionStage<Boolean> create(V value) {
    return map.submitToKey(keyOf.apply(value), new PutIfAbsent<K, V>(value)).thenApply(stored -> stored.equals(value));
  }

  @Override
  public CompletionStage<Boolean> update(V value) {
    return map.submitToKey(keyOf.apply(value), new ReplaceIfPresent<>(value));
  }

  @Override
  public CompletionStage<Boolean> delete(K key) {
    return map.removeAsync(key).thenApply(previous -> previous != null);
  }

  @Override
  public CompletionStage<List<V>> list(String instanceId) {
    return CompletableFuture.supplyAsync(() -> {
      List<V> found = new ArrayList<>(map.values(Predicates.equal("instanceId", instanceId)));
      found.sort(order);
      return List.copyOf(found);
    }, queryExecutor);
  }

  @Override
  public CompletionStage<Integer> deleteAll(String instanceId) {
    return deleteAll(map, instanceId, queryExecutor);
  }

  /**
   * Removes every entry of {@code map} whose value's {@code instanceId} is {@code instanceId}; for maps whose values
   * are other modules' records (retained messages, stored sessions), which this module cannot name.
   */
  public static <K, V> CompletionStage<Integer> deleteAll(IMap<K, V> map, String instanceId, Executor queryExecutor) {
    return CompletableFuture.supplyAsync(() -> {
      var keys = map.keySet(Predicates.equal("instanceId", instanceId));
      keys.forEach(map::delete);
      return keys.size();
    }, queryExecutor);
  }
}
