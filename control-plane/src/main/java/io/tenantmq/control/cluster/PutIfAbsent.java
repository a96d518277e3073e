package io.tenantmq.control.cluster;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/** Stores {@code value} unless the key has one, and returns the value stored afterwards: an async putIfAbsent. */
public record PutIfAbsent<K, V>(V value) implements EntryProcessor<K, V, V> {
  @Override
  public V process(Map.Entry<K, V> entry) {
    if (entry.getValue() == null) {
      entry.setValue(value);
    }
    return entry.getValue();
  }
}
