package io.tenantmq.control.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Records of one kind that belong to instances (MQTT users, declared topics), shared by the cluster. Stages complete
 * off the caller's thread; a failed stage means the cluster could not be reached.
 */
public interface InstanceRecords<K, V> {

  /** Stores a new record; false when its key is taken. */
  CompletionStage<Boolean> create(V value);

  CompletionStage<Optional<V>> get(K key);

  /** The records of one instance, in the kind's order. Never reads another instance's. */
  CompletionStage<List<V>> list(String instanceId);

  /** Replaces an existing record; false when there is none with its key. */
  CompletionStage<Boolean> update(V value);

  CompletionStage<Boolean> delete(K key);

  /** Removes every record of one instance (the instance is being deleted); returns how many. */
  CompletionStage<Integer> deleteAll(String instanceId);
}
