package io.tenantmq.control.registry;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.projection.Projections;
import com.hazelcast.query.Predicates;
import io.tenantmq.control.cluster.MapNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
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
    return guarded(() -> clients.submitToKey(key, new UpdateChannel(channelId, Map.copyOf(subscriptions), null, null)));
  }

  @Override
  public CompletionStage<Boolean> updateCreatedAt(ClientKey key, String channelId, long createdAtMillis) {
    return guarded(() -> clients.submitToKey(key, new UpdateChannel(channelId, null, null, createdAtMillis)));
  }

  @Override
  public CompletionStage<Boolean> updateCounters(ClientKey key, String channelId, TrafficCounters counters) {
    return guarded(() -> clients.submitToKey(key, new UpdateChannel(channelId, null, counters, null)));
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
    return CompletableFuture.supplyAsync(() -> {
      List<String> ids = matchingIds(instanceId, filter, null);
      long from = (long) (page - 1) * limit;
      int start = (int) Math.min(from, ids.size());
      int end = (int) Math.min(from + limit, ids.size());
      return new ClientPage(fetch(instanceId, ids.subList(start, end)), ids.size(), end < ids.size(),
          end > start ? ids.get(end - 1) : null);
    }, queryExecutor);
  }

  @Override
  public CompletionStage<ClientPage> pageAfter(String instanceId, ClientFilter filter, String afterClientId, int limit) {
    checkLimit(limit);
    return CompletableFuture.supplyAsync(() -> {
      List<String> ids = matchingIds(instanceId, filter, afterClientId);
      int end = Math.min(limit, ids.size());
      return new ClientPage(fetch(instanceId, ids.subList(0, end)), ids.size(), end < ids.size(),
          end > 0 ? ids.get(end - 1) : null);
    }, queryExecutor);
  }

  /** Sorted client ids of the matches: a projection, so the records themselves stay where they are. */
  private List<String> matchingIds(String instanceId, ClientFilter filter, String afterClientId) {
    Predicate<ClientKey, ClientRecord> predicate = Predicates.and(
        Predicates.equal("instanceId", instanceId), new Matches(filter, afterClientId));
    List<String> ids = new ArrayList<>(clients.project(Projections.<Map.Entry<ClientKey, ClientRecord>, String>singleAttribute("clientId"), predicate));
    ids.sort(null);
    return ids;
  }

  /** The records of {@code ids}, in that order; one that left since it matched is skipped. */
  private List<ClientRecord> fetch(String instanceId, List<String> ids) {
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

  @Override
  public CompletionStage<List<ClientRecord>> endNode(String node, long atMillis) {
    return CompletableFuture.supplyAsync(() -> {
      Map<ClientKey, ClientRecord> before = clients.executeOnEntries(new EndNode(node, atMillis), Predicates.equal("node", node));
      List<ClientRecord> ended = new ArrayList<>();
      before.values().forEach(r -> { if (r != null) ended.add(r); });
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

  /** Replaces the subscriptions, counters and/or creation time (the non-null ones) of the record of {@code channelId}. */
  private record UpdateChannel(String channelId, Map<String, Integer> subscriptions, TrafficCounters counters,
                               Long createdAtMillis)
      implements EntryProcessor<ClientKey, ClientRecord, Boolean> {
    @Override
    public Boolean process(Map.Entry<ClientKey, ClientRecord> entry) {
      ClientRecord current = entry.getValue();
      if (current == null || !current.channelId().equals(channelId)) {
        return false; // a newer channel owns the record now
      }
      ClientRecord updated = subscriptions == null ? current : current.withSubscriptions(subscriptions);
      updated = counters == null ? updated : updated.withCounters(counters);
      entry.setValue(createdAtMillis == null ? updated : updated.withCreatedAt(createdAtMillis));
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
      // the dead node's sessions lived in its memory: nothing can resume them
      entry.setValue(null);
      return current;
    }
  }
}
