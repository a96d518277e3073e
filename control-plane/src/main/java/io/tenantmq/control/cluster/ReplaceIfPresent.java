package io.tenantmq.control.cluster;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/** Replaces the value of a key that has one; returns whether it did: an async replace. */
public record ReplaceIfPresent<K, V>(V value) implements EntryProcessor<K, V, Boolean> {
  @Override
  public Boolean process(Map.Entry<K, V> entry) {
    if (entry.getValue() == null) {
      return false;
    }
    entry.setValue(value);
    return true;
  }
}
