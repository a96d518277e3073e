package io.tenantmq.mqtt.route;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.mqtt.subscription.LocalSubscriptions;
import io.tenantmq.mqtt.subscription.TopicFilter;
import io.tenantmq.mqtt.subscription.TopicTrie;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The cluster's route table: for each (instance, topic filter), the nodes that have subscribers. Stored in the
 * Hazelcast map {@link MapNames#ROUTES}; each node writes only its own name. Every node keeps a local copy of the other
 * nodes' routes as one {@link TopicTrie} of node names per instance, fed by the map's entry events, so matching a
 * publish against remote nodes never leaves the node.
 *
 * <p>Owned by: the local copy changes only on Hazelcast event threads, under this object's monitor; event loops read it.
 */
public final class RouteTable implements LocalSubscriptions.FilterListener {

  private final IMap<RouteKey, Set<String>> routes;
  private final String localNode;
  private final Executor blockingExecutor;
  private final Map<String, TopicTrie<String>> remote = new ConcurrentHashMap<>();
  private final Map<RouteKey, Set<String>> known = new ConcurrentHashMap<>();
  private UUID listenerId;

  public RouteTable(HazelcastInstance hazelcast, String localNode, Executor blockingExecutor) {
    this.routes = hazelcast.getMap(MapNames.ROUTES);
    this.localNode = localNode;
    this.blockingExecutor = blockingExecutor;
  }

  /** Starts following the map; completes once the routes that exist now are loaded. */
  public CompletionStage<Void> start() {
    return CompletableFuture.runAsync(() -> {
      listenerId = routes.addEntryListener(new Listener(), true);
      // entries written before the listener was registered
      for (Map.Entry<RouteKey, Set<String>> e : routes.entrySet()) {
        apply(e.getKey(), e.getValue());
      }
    }, blockingExecutor);
  }

  public void stop() {
    if (listenerId != null) {
      try {
        routes.removeEntryListener(listenerId);
      } catch (RuntimeException ignored) {
        // the member is shutting down
      }
    }
  }

  @Override
  public CompletionStage<?> firstSubscriber(String instanceId, TopicFilter filter) {
    return routes.submitToKey(new RouteKey(instanceId, filter.text()), new AddNode(localNode));
  }

  @Override
  public CompletionStage<?> lastSubscriberGone(String instanceId, TopicFilter filter) {
    return routes.submitToKey(new RouteKey(instanceId, filter.text()), new RemoveNode(localNode));
  }

  /** Removes a node that left the cluster from every route. Run by one member. */
  public CompletionStage<Void> removeNode(String node) {
    return CompletableFuture.runAsync(() -> routes.executeOnEntries(new RemoveNode(node)), blockingExecutor);
  }

  /** The other nodes' routes of an instance, or null when no other node has a subscriber there. */
  public TopicTrie<String> remoteTrie(String instanceId) {
    return remote.get(instanceId);
  }

  /** Whether {@code node} is known (here) to have a subscriber on exactly {@code filter} of the instance. */
  public boolean hasRoute(String instanceId, String filter, String node) {
    Set<String> nodes = known.get(new RouteKey(instanceId, filter));
    return nodes != null && nodes.contains(node);
  }

  private synchronized void apply(RouteKey key, Set<String> nodes) {
    Set<String> now = new HashSet<>(nodes == null ? Set.of() : nodes);
    now.remove(localNode); // local subscribers are matched in LocalSubscriptions
    Set<String> before = known.getOrDefault(key, Set.of());
    if (now.equals(before)) {
      return;
    }
    TopicFilter filter = TopicFilter.parse(key.filter());
    TopicTrie<String> trie = remote.computeIfAbsent(key.instanceId(), id -> new TopicTrie<>(n -> n));
    for (String gone : before) {
      if (!now.contains(gone)) {
        trie.remove(filter, gone);
      }
    }
    for (String added : now) {
      if (!before.contains(added)) {
        trie.add(filter, added);
      }
    }
    if (now.isEmpty()) {
      known.remove(key);
    } else {
      known.put(key, Set.copyOf(now));
    }
  }

  private final class Listener implements EntryAddedListener<RouteKey, Set<String>>,
      EntryUpdatedListener<RouteKey, Set<String>>, EntryRemovedListener<RouteKey, Set<String>> {
    @Override
    public void entryAdded(EntryEvent<RouteKey, Set<String>> event) {
      apply(event.getKey(), event.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<RouteKey, Set<String>> event) {
      apply(event.getKey(), event.getValue());
    }

    @Override
    public void entryRemoved(EntryEvent<RouteKey, Set<String>> event) {
      apply(event.getKey(), null);
    }
  }

  private record AddNode(String node) implements EntryProcessor<RouteKey, Set<String>, Boolean> {
    @Override
    public Boolean process(Map.Entry<RouteKey, Set<String>> entry) {
      Set<String> nodes = entry.getValue() == null ? new HashSet<>() : new HashSet<>(entry.getValue());
      boolean added = nodes.add(node);
      if (added) {
        entry.setValue(Set.copyOf(nodes));
      }
      return added;
    }
  }

  private record RemoveNode(String node) implements EntryProcessor<RouteKey, Set<String>, Boolean> {
    @Override
    public Boolean process(Map.Entry<RouteKey, Set<String>> entry) {
      if (entry.getValue() == null || !entry.getValue().contains(node)) {
        return false;
      }
      Set<String> nodes = new HashSet<>(entry.getValue());
      nodes.remove(node);
      entry.setValue(nodes.isEmpty() ? null : Set.copyOf(nodes));
      return true;
    }
  }
}
