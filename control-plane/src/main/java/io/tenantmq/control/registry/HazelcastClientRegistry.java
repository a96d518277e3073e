package io.tenantmq.control.registry;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.projection.Projection;
import com.hazelcast.projection.Projections;
import com.hazelcast.query.Predicates;
import io.tenantmq.control.cluster.MapNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@link ClientRegistry} on the Hazelcast map {@link MapNames#CLIENTS}. Read-modify-writes are entry processors, so a
 * check of the channelId and the write happen atomically on the partition that owns the key. Queries, which Hazelcast
 * can only run blocking, run on {@code queryExecutor}.
 */
public final class HazelcastClientRegistry implements ClientRegistry {

  private final IMap<ClientKey, ClientRecord> clients;
  private final Executor queryExecutor;
  /** Made on the first page that needs it, so that members which never list pay nothing. */
  private volatile ClientIdIndex idIndex;

  public HazelcastClientRegistry(HazelcastInstance hazelcast, Executor queryExecutor) {
    this.clients = hazelcast.getMap(MapNames.CLIENTS);
    this.queryExecutor = queryExecutor;
  }

  @Override
  public CompletionStage<Optional<ClientRecord>> connect(ClientRecord record) {
    return guarded(() -> clients.submitToKey(record.key(), new Connect(record)).thenApply(Optional::ofNullable));
  }

  @Override
  public CompletionStage<Boolean> disconnect(ClientKey key, String channelId, long atMillis, boolean removeRecord,
                                             TrafficCounters finalCounters) {
    return guarded(() -> clients.submitToKey(key, new Disconnect(channelId, atMillis, removeRecord, finalCounters)));
  }

  @Override
  public CompletionStage<Boolean> updateSubscriptions(ClientKey key, String channelId, Map<String, Integer> subscriptions) {
    return guarded(() -> clients.submitToKey(key, new UpdateChannel(channelId, Map.copyOf(subscriptions), null, null, null)));
  }

  @Override
  public CompletionStage<Boolean> updateCreatedAt(ClientKey key, String channelId, long createdAtMillis) {
    return guarded(() -> clients.submitToKey(key, new UpdateChannel(channelId, null, null, createdAtMillis, null)));
  }

  @Override
  public CompletionStage<Boolean> updateCounters(ClientKey key, String channelId, TrafficCounters counters) {
    return guarded(() -> clients.submitToKey(key, new UpdateChannel(channelId, null, counters, null, null)));
  }

  @Override
  public CompletionStage<Boolean> updateKeepAlive(ClientKey key, String channelId, int keepAliveSeconds) {
    return guarded(() -> clients.submitToKey(key, new UpdateChannel(channelId, null, null, null, keepAliveSeconds)));
  }

  @Override
  public CompletionStage<Boolean> remove(ClientKey key, String channelId) {
    return guarded(() -> clients.submitToKey(key, new Disconnect(channelId, 0, true, null)));
  }

  @Override
  public CompletionStage<Optional<ClientRecord>> get(ClientKey key) {
    return guarded(() -> clients.getAsync(key).thenApply(Optional::ofNullable));
  }

  @Override
  public CompletionStage<List<ClientRecord>> list(String instanceId, ClientQuery query) {
    return CompletableFuture.supplyAsync(() -> {
      // the instanceId index keeps this from touching other tenants' records
      Predicate<ClientKey, ClientRecord> predicate = Predicates.equal("instanceId", instanceId);
      if (query.state() != null) {
        predicate = Predicates.and(predicate, Predicates.equal("state", query.state()));
      }
      if (query.clientIdPrefix() != null) {
        predicate = Predicates.and(predicate, Predicates.like("clientId", escapeLike(query.clientIdPrefix()) + "%"));
      }
      List<ClientRecord> records = new ArrayList<>(clients.values(predicate));
      records.sort(Comparator.comparing(ClientRecord::clientId));
      return records.size() > query.limit() ? List.copyOf(records.subList(0, query.limit())) : List.copyOf(records);
    }, queryExecutor);
  }

  @Override
  public CompletionStage<ClientPage> page(String instanceId, ClientFilter filter, int page, int limit) {
    checkLimit(limit);
    if (page < 1) {
      throw new IllegalArgumentException("page must be at least 1, was " + page);
    }
    return CompletableFuture.supplyAsync(
        () -> pageOf(instanceId, filter, null, (long) (page - 1) * limit, limit), queryExecutor);
  }

  @Override
  public CompletionStage<ClientPage> pageAfter(String instanceId, ClientFilter filter, String afterClientId, int limit) {
    checkLimit(limit);
    return CompletableFuture.supplyAsync(() -> pageOf(instanceId, filter, afterClientId, 0, limit), queryExecutor);
  }

  /**
   * Filters on client ids alone walk this member's {@link ClientIdIndex}; others query the map (its instanceId index
   * keeps other instances out) for the sorted ids of the matches. Either way only the page's records are fetched.
   */
  private ClientPage pageOf(String instanceId, ClientFilter filter, String afterClientId, long skip, int limit) {
    if (!filter.clientIds().isEmpty()) {
      return pageOfNamedClients(instanceId, filter, afterClientId, skip, limit);
    }
    boolean fromIndex = filter.onClientIdOnly();
    Iterable<String> candidates;
    if (fromIndex) {
      NavigableSet<String> ids = idIndex().ids(instanceId);
      candidates = afterClientId == null ? ids : ids.tailSet(afterClientId, false);
    } else {
      candidates = matchingIds(instanceId, filter, afterClientId);
    }
    List<String> pageIds = new ArrayList<>(Math.min(limit, 1024));
    long count = 0;
    for (String id : candidates) {
      if (fromIndex && !filter.testClientId(id)) {
        continue;
      }
      if (count >= skip && pageIds.size() < limit) {
        pageIds.add(id);
      }
      count++;
    }
    List<ClientRecord> records = fetch(instanceId, pageIds, fromIndex);
    return new ClientPage(records, count, count > skip + pageIds.size(),
        pageIds.isEmpty() ? null : pageIds.get(pageIds.size() - 1));
  }

  /** Clients asked for by id are read directly (a getAll of those ids), so they are seen the moment they register. */
  private ClientPage pageOfNamedClients(String instanceId, ClientFilter filter, String afterClientId, long skip,
                                        int limit) {
    Set<ClientKey> keys = new HashSet<>();
    filter.clientIds().stream().filter(id -> afterClientId == null || id.compareTo(afterClientId) > 0)
        .forEach(id -> keys.add(new ClientKey(instanceId, id)));
    List<ClientRecord> matches = new ArrayList<>(clients.getAll(keys).values().stream().filter(filter::test).toList());
    matches.sort(Comparator.comparing(ClientRecord::clientId));
    int from = (int) Math.min(skip, matches.size());
    int to = (int) Math.min(skip + limit, matches.size());
    return new ClientPage(matches.subList(from, to), matches.size(), to < matches.size(),
        to > from ? matches.get(to - 1).clientId() : null);
  }

  private ClientIdIndex idIndex() {
    ClientIdIndex index = idIndex;
    if (index == null) {
      synchronized (this) {
        if (idIndex == null) {
          idIndex = new ClientIdIndex(clients);
        }
        index = idIndex;
      }
    }
    return index;
  }

  @Override
  public CompletionStage<List<ClientSubscriptions>> subscriptions(String instanceId, ClientFilter filter) {
    return CompletableFuture.supplyAsync(() -> {
      Predicate<ClientKey, ClientRecord> predicate = Predicates.and(
          Predicates.equal("instanceId", instanceId), new Matches(filter, null), new Subscribed());
      List<ClientSubscriptions> found = new ArrayList<>(clients.project(new SubscriptionsOf(), predicate));
      found.sort(Comparator.comparing(ClientSubscriptions::clientId));
      return List.copyOf(found);
    }, queryExecutor);
  }

  /** Sorted client ids of the matches: a projection, so the records themselves stay where they are. */
  private List<String> matchingIds(String instanceId, ClientFilter filter, String afterClientId) {
    Predicate<ClientKey, ClientRecord> predicate = Predicates.and(
        Predicates.equal("instanceId", instanceId), new Matches(filter, afterClientId));
    List<String> ids = new ArrayList<>(clients.project(
        Projections.<Map.Entry<ClientKey, ClientRecord>, String>singleAttribute("clientId"), predicate));
    ids.sort(null);
    return ids;
  }

  /**
   * The records of {@code ids}, in that order; one that left since it matched is skipped (and, when the id came from
   * the index, dropped from it: the index may have missed its removal while it was loading).
   */
  private List<ClientRecord> fetch(String instanceId, List<String> ids, boolean fromIndex) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Set<ClientKey> keys = new LinkedHashSet<>();
    ids.forEach(id -> keys.add(new ClientKey(instanceId, id)));
    Map<ClientKey, ClientRecord> found = clients.getAll(keys);
    List<ClientRecord> records = new ArrayList<>(keys.size());
    for (ClientKey key : keys) {
      ClientRecord record = found.get(key);
      if (record != null) {
        records.add(record);
      } else if (fromIndex) {
        idIndex().remove(key);
      }
    }
    return records;
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > ClientQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be within 1.." + ClientQuery.MAX_LIMIT + ", was " + limit);
    }
  }

  /** The part of a query the index cannot answer; runs where the records are. */
  private record Matches(ClientFilter filter, String afterClientId) implements Predicate<ClientKey, ClientRecord> {
    @Override
    public boolean apply(Map.Entry<ClientKey, ClientRecord> entry) {
      ClientRecord record = entry.getValue();
      return record != null && (afterClientId == null || record.clientId().compareTo(afterClientId) > 0)
          && filter.test(record);
    }
  }

  private record Subscribed() implements Predicate<ClientKey, ClientRecord> {
    @Override
    public boolean apply(Map.Entry<ClientKey, ClientRecord> entry) {
      return entry.getValue() != null && !entry.getValue().subscriptions().isEmpty();
    }
  }

  /** Runs where the records are, so only these three fields travel. */
  private record SubscriptionsOf() implements Projection<Map.Entry<ClientKey, ClientRecord>, ClientSubscriptions> {
    @Override
    public ClientSubscriptions transform(Map.Entry<ClientKey, ClientRecord> entry) {
      ClientRecord r = entry.getValue();
      return new ClientSubscriptions(r.clientId(), r.node(), r.subscriptions());
    }
  }

  @Override
  public CompletionStage<List<ClientRecord>> endNode(String node, long atMillis) {
    return CompletableFuture.supplyAsync(() -> {
      Map<ClientKey, ClientRecord> before = clients.executeOnEntries(new EndNode(node, atMillis), Predicates.equal("node", node));
      List<ClientRecord> ended = new ArrayList<>();
      before.values().forEach(r -> { if (r != null && r.connected()) ended.add(r); });
      return List.copyOf(ended);
    }, queryExecutor);
  }

  /** A map call on a member that is shutting down throws at once; callers get a failed stage instead. */
  private static <T> CompletionStage<T> guarded(Supplier<CompletionStage<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** Results travel serialized, so this returns the previous record itself (or null), not an Optional. */
  private record Connect(ClientRecord record) implements EntryProcessor<ClientKey, ClientRecord, ClientRecord> {
    @Override
    public ClientRecord process(Map.Entry<ClientKey, ClientRecord> entry) {
      ClientRecord previous = entry.getValue();
      entry.setValue(record);
      return previous;
    }
  }

  private record Disconnect(String channelId, long atMillis, boolean removeRecord, TrafficCounters counters)
      implements EntryProcessor<ClientKey, ClientRecord, Boolean> {
    @Override
    public Boolean process(Map.Entry<ClientKey, ClientRecord> entry) {
      ClientRecord current = entry.getValue();
      if (current == null || !current.channelId().equals(channelId)) {
        return false; // a newer channel owns the record now
      }
      if (removeRecord) {
        entry.setValue(null);
      } else {
        entry.setValue(current.disconnected(atMillis, counters));
      }
      return true;
    }
  }

  /**
   * Replaces the subscriptions, counters, creation time and/or keepalive (the non-null ones) of the record of
   * {@code channelId}.
   */
  private record UpdateChannel(String channelId, Map<String, Integer> subscriptions, TrafficCounters counters,
                               Long createdAtMillis, Integer keepAliveSeconds)
      implements EntryProcessor<ClientKey, ClientRecord, Boolean> {
    @Override
    public Boolean process(Map.Entry<ClientKey, ClientRecord> entry) {
      ClientRecord current = entry.getValue();
      if (current == null || !current.channelId().equals(channelId)) {
        return false; // a newer channel owns the record now
      }
      ClientRecord updated = subscriptions == null ? current : current.withSubscriptions(subscriptions);
      updated = counters == null ? updated : updated.withCounters(counters);
      updated = createdAtMillis == null ? updated : updated.withCreatedAt(createdAtMillis);
      entry.setValue(keepAliveSeconds == null ? updated : updated.withKeepAlive(keepAliveSeconds));
      return true;
    }
  }

  private record EndNode(String node, long atMillis) implements EntryProcessor<ClientKey, ClientRecord, ClientRecord> {
    @Override
    public ClientRecord process(Map.Entry<ClientKey, ClientRecord> entry) {
      ClientRecord current = entry.getValue();
      if (current == null || !current.node().equals(node)) {
        return null;
      }
      // a live connection's record stays, DISCONNECTED, so that a reconnect elsewhere learns where it was; an offline
      // session's record goes (the session lived in the node's memory; a survivor adopts the stored copy)
      entry.setValue(current.connected() ? current.disconnected(atMillis, null) : null);
      return current;
    }
  }
}
