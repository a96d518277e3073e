package io.tenantmq.control.ban;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.cluster.ScopedRecords;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * {@link BanList} on the Hazelcast map {@link MapNames#BANS}. Every member keeps a copy of all bans, fed by an entry
 * listener, so that the check at CONNECT costs a lookup in memory and never a network call; bans are few.
 */
public final class HazelcastBanList implements BanList {

  private final IMap<BanKey, Ban> bans;
  private final Executor queryExecutor;
  /** instanceId → that instance's bans, compiled: what {@link #check} reads. */
  private final Map<String, Map<BanKey, BanMatcher>> local = new ConcurrentHashMap<>();
  private final List<Consumer<Ban>> addedListeners = new CopyOnWriteArrayList<>();
  /** While the existing bans load: the keys an event already spoke about, whose snapshot value may be stale. */
  private final Set<BanKey> seenWhileLoading = new HashSet<>();
  private final Object loadLock = new Object();
  private volatile boolean loading = true;

  public HazelcastBanList(HazelcastInstance hazelcast, Executor queryExecutor) {
    this.bans = hazelcast.getMap(MapNames.BANS);
    this.queryExecutor = queryExecutor;
    bans.addEntryListener(new Mirror(), true);
    // the listener first, then the bans that exist: a ban added in between is never missed, and one removed in
    // between is not brought back by the snapshot (an event for a key wins over the snapshot's value)
    Collection<Ban> existing = bans.values();
    synchronized (loadLock) {
      for (Ban ban : existing) {
        if (!seenWhileLoading.contains(ban.key())) {
          remember(ban);
        }
      }
      loading = false;
      seenWhileLoading.clear();
    }
  }

  /** Called by the listener before it applies an event for {@code key}. */
  private void seen(BanKey key) {
    if (loading) {
      synchronized (loadLock) {
        if (loading) {
          seenWhileLoading.add(key);
        }
      }
    }
  }

  @Override
  public CompletionStage<Boolean> add(Ban ban) {
    return bans.submitToKey(ban.key(), new AddUnlessActive(ban, System.currentTimeMillis()));
  }

  @Override
  public CompletionStage<Boolean> remove(BanKey key) {
    return bans.removeAsync(key).thenApply(previous -> previous != null);
  }

  @Override
  public CompletionStage<List<Ban>> list(String instanceId) {
    return CompletableFuture.supplyAsync(() -> {
      long now = System.currentTimeMillis();
      return bans.values(Predicates.equal("instanceId", instanceId)).stream()
          .filter(b -> b.activeAt(now))
          .sorted(Comparator.comparingLong(Ban::atMillis).thenComparing(b -> b.key().toString()))
          .toList();
    }, queryExecutor);
  }

  @Override
  public Optional<Ban> check(String instanceId, String clientId, String username, String peerhost) {
    Map<BanKey, BanMatcher> ofInstance = local.get(instanceId);
    if (ofInstance == null || ofInstance.isEmpty()) {
      return Optional.empty();
    }
    long now = System.currentTimeMillis();
    for (BanMatcher matcher : ofInstance.values()) {
      if (matcher.ban().activeAt(now) && matcher.matches(clientId, username, peerhost)) {
        return Optional.of(matcher.ban());
      }
    }
    return Optional.empty();
  }

  @Override
  public CompletionStage<Integer> deleteAll(String instanceId) {
    return ScopedRecords.deleteAll(bans, instanceId, queryExecutor);
  }

  @Override
  public void onAdded(Consumer<Ban> listener) {
    addedListeners.add(listener);
  }

  private void remember(Ban ban) {
    BanMatcher matcher = BanMatcher.of(ban);
    // inside compute: a concurrent forget of the instance's last other ban must not drop the map this goes into
    local.compute(ban.instanceId(), (id, ofInstance) -> {
      Map<BanKey, BanMatcher> bansOf = ofInstance == null ? new ConcurrentHashMap<>() : ofInstance;
      bansOf.put(ban.key(), matcher);
      return bansOf;
    });
  }

  private void forget(BanKey key) {
    local.computeIfPresent(key.instanceId(), (id, ofInstance) -> {
      ofInstance.remove(key);
      return ofInstance.isEmpty() ? null : ofInstance;
    });
  }

  private final class Mirror implements EntryAddedListener<BanKey, Ban>, EntryUpdatedListener<BanKey, Ban>,
      EntryRemovedListener<BanKey, Ban> {
    @Override
    public void entryAdded(EntryEvent<BanKey, Ban> event) {
      seen(event.getKey());
      remember(event.getValue());
      addedListeners.forEach(l -> l.accept(event.getValue()));
    }

    @Override
    public void entryUpdated(EntryEvent<BanKey, Ban> event) {
      // an expired ban set again is a new ban for the connections it matches
      entryAdded(event);
    }

    @Override
    public void entryRemoved(EntryEvent<BanKey, Ban> event) {
      seen(event.getKey());
      forget(event.getKey());
    }
  }

  /** Sets the ban unless an active one of the same key exists. */
  private record AddUnlessActive(Ban ban, long nowMillis) implements EntryProcessor<BanKey, Ban, Boolean> {
    @Override
    public Boolean process(Map.Entry<BanKey, Ban> entry) {
      if (entry.getValue() != null && entry.getValue().activeAt(nowMillis)) {
        return false;
      }
      entry.setValue(ban);
      return true;
    }
  }
}
