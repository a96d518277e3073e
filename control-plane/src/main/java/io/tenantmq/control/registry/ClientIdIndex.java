package io.tenantmq.control.registry;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import java.util.NavigableSet;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * This member's sorted copy of every instance's client ids, fed by a key-only entry listener on the registry map.
 * Pages of a client list walk it instead of querying the map: page 100 of an instance costs a walk over that
 * instance's ids in memory and one {@code getAll} of the page, whatever the size of other instances. It trails the map
 * by the latency of an entry event (milliseconds); a page that meets an id whose record is gone skips it and drops it.
 */
final class ClientIdIndex {

  private final ConcurrentHashMap<String, NavigableSet<String>> byInstance = new ConcurrentHashMap<>();

  /** Blocking: registers the listener, then loads the ids that exist. Call off event loops, once per member. */
  ClientIdIndex(IMap<ClientKey, ClientRecord> clients) {
    clients.addEntryListener(new Feed(), false);
    // listener first: an id added meanwhile is seen twice (harmless); one removed meanwhile may linger until a page
    // meets it and finds no record
    clients.keySet().forEach(this::add);
  }

  /** The instance's client ids, sorted; a live view. */
  NavigableSet<String> ids(String instanceId) {
    NavigableSet<String> ids = byInstance.get(instanceId);
    return ids == null ? Collections.emptyNavigableSet() : ids;
  }

  void remove(ClientKey key) {
    byInstance.computeIfPresent(key.instanceId(), (id, ids) -> {
      ids.remove(key.clientId());
      return ids.isEmpty() ? null : ids;
    });
  }

  private void add(ClientKey key) {
    // inside compute, so that it never lands in a set that remove() is dropping at the same moment
    byInstance.compute(key.instanceId(), (id, ids) -> {
      NavigableSet<String> set = ids == null ? new ConcurrentSkipListSet<>() : ids;
      set.add(key.clientId());
      return set;
    });
  }

  private final class Feed implements EntryAddedListener<ClientKey, ClientRecord>,
      EntryRemovedListener<ClientKey, ClientRecord>, EntryEvictedListener<ClientKey, ClientRecord>,
      EntryExpiredListener<ClientKey, ClientRecord> {
    @Override
    public void entryAdded(EntryEvent<ClientKey, ClientRecord> event) {
      add(event.getKey());
    }

    @Override
    public void entryRemoved(EntryEvent<ClientKey, ClientRecord> event) {
      remove(event.getKey());
    }

    @Override
    public void entryEvicted(EntryEvent<ClientKey, ClientRecord> event) {
      remove(event.getKey());
    }

    @Override
    public void entryExpired(EntryEvent<ClientKey, ClientRecord> event) {
      remove(event.getKey());
    }
  }
}
