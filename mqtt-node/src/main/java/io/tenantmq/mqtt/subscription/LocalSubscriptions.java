package io.tenantmq.mqtt.subscription;

import io.tenantmq.mqtt.metrics.InstanceMetricsTable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subscriptions of this node's sessions, one {@link TopicTrie} per instance, so that one instance's topics never
 * meet another's. Tells a {@link FilterListener} when a filter gains its first or loses its last local subscriber, which
 * is what the cluster route table records.
 *
 * <p>Owned by: any event loop; changes to one instance's trie serialize on that trie.
 */
public final class LocalSubscriptions {

  /** Hears when a filter of an instance starts or stops having subscribers on this node. */
  public interface FilterListener {
    /** Returns when the change is recorded cluster-wide. */
    CompletionStage<?> firstSubscriber(String instanceId, TopicFilter filter);

    CompletionStage<?> lastSubscriberGone(String instanceId, TopicFilter filter);
  }

  private static final CompletionStage<?> DONE = CompletableFuture.completedFuture(null);

  private final Map<String, TopicTrie<Subscription>> tries = new ConcurrentHashMap<>();
  private final FilterListener listener;
  private final InstanceMetricsTable metrics;

  /** @param metrics where the number of subscriptions and filters of each instance is kept up to date */
  public LocalSubscriptions(FilterListener listener, InstanceMetricsTable metrics) {
    this.listener = listener;
    this.metrics = metrics;
  }

  /** The trie of {@code instanceId}, or null when the instance has no subscription on this node. */
  public TopicTrie<Subscription> trie(String instanceId) {
    return tries.get(instanceId);
  }

  /**
   * Adds the subscription, replacing the subscriber's earlier one on the same filter. The stage completes when the
   * cluster's route table knows this node has the filter.
   */
  public CompletionStage<?> add(String instanceId, Subscription subscription) {
    TopicTrie<Subscription> trie = tries.computeIfAbsent(instanceId, id -> new TopicTrie<>(s -> s.subscriber().key()));
    synchronized (trie) {
      trie.add(subscription.filter(), subscription);
      counted(instanceId, trie);
      if (trie.countOf(subscription.filter()) == 1) {
        return listener.firstSubscriber(instanceId, subscription.filter());
      }
    }
    return DONE;
  }

  /** Removes exactly this subscription (a newer one of the same client is left alone). */
  public void remove(String instanceId, Subscription subscription) {
    TopicTrie<Subscription> trie = tries.get(instanceId);
    if (trie == null) {
      return;
    }
    synchronized (trie) {
      if (trie.contains(subscription.filter(), subscription)
          && trie.remove(subscription.filter(), subscription.subscriber().key())) {
        counted(instanceId, trie);
        if (trie.countOf(subscription.filter()) == 0) {
          listener.lastSubscriberGone(instanceId, subscription.filter());
        }
      }
    }
  }

  private void counted(String instanceId, TopicTrie<Subscription> trie) {
    metrics.of(instanceId).subscriptions(trie.valueCount(), trie.sharedValueCount(), trie.filterCount());
  }
}
