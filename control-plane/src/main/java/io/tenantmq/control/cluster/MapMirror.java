package io.tenantmq.control.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * This member's copy of a small cluster-wide map, each value kept in a compiled form {@code C}, fed by an entry
 * listener: what code on an event loop reads instead of calling Hazelcast per packet. The listener is added before
 * the existing entries are read, so no change in between is missed, and an event for a key wins over the snapshot's
 * (possibly stale) value of it. Changes made anywhere show here once their entry event arrives (milliseconds).
 */
public final class MapMirror<K, V, C> {

  private final Map<K, C> local = new ConcurrentHashMap<>();
  private final Function<V, C> compile;
  /** While the snapshot loads: the keys an event already spoke about. */
  private final Set<K> seenWhileLoading = new HashSet<>();
  private final Object loadLock = new Object();
  private volatile boolean loading = true;

  public MapMirror(IMap<K, V> map, Function<V, C> compile) {
    this.compile = compile;
    map.addEntryListener(new Listener(), true);
    Set<Map.Entry<K, V>> existing = map.entrySet();
    synchronized (loadLock) {
      for (Map.Entry<K, V> e : existing) {
        if (!seenWhileLoading.contains(e.getKey())) {
          local.put(e.getKey(), compile.apply(e.getValue()));
        }
      }
      loading = false;
      seenWhileLoading.clear();
    }
  }

  /** The compiled value of {@code key} as this member last heard of it; null when there is none. */
  public C get(K key) {
    return local.get(key);
  }

  private void seen(K key) {
    if (loading) {
      synchronized (loadLock) {
        if (loading) {
          seenWhileLoading.add(key);
        }
      }
    }
  }

  private final class Listener implements EntryAddedListener<K, V>, EntryUpdatedListener<K, V>,
      EntryRemovedListener<K, V>, EntryEvictedListener<K, V>, EntryExpiredListener<K, V> {
    @Override
    public void entryAdded(EntryEvent<K, V> event) {
      seen(event.getKey());
      local.put(event.getKey(), compile.apply(event.getValue()));
    }

    @Override
    public void entryUpdated(EntryEvent<K, V> event) {
      entryAdded(event);
    }

    @Override
    public void entryRemoved(EntryEvent<K, V> event) {
      seen(event.getKey());
      local.remove(event.getKey());
    }

    @Override
    public void entryEvicted(EntryEvent<K, V> event) {
      entryRemoved(event);
    }

    @Override
    public void entryExpired(EntryEvent<K, V> event) {
      entryRemoved(event);
    }
  }
}
