package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.registry.ClientFilter;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.gateway.common.Stages;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The subscriptions of one instance's sessions, read from the cluster-wide registry (each client's record carries its
 * subscriptions), whichever node the sessions live on. One client is one registry read by key. Anything else reads
 * every record of the instance (through its index, never another instance's) where it lies, and moves only the client
 * id, node and subscriptions of those that have any: a listing costs a scan of the instance, not of the cluster, and
 * its answer is paged here.
 */
final class InstanceSubscriptions {

  /** One subscription of one session: {@code topic} as the client subscribed it, {@code $share/…} included. */
  record Subscription(String node, String clientId, String topic, int qos) {
  }

  private final ControlPlane control;

  /** The records of the clients on {@code node}; all of them for null. */
  static ClientFilter onNode(String node) {
    return node == null ? ClientFilter.ALL
        : new ClientFilter(node, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  InstanceSubscriptions(ControlPlane control) {
    this.control = control;
  }

  /**
   * The subscriptions {@code keep} accepts of the records {@code clients} accepts, in client id then topic order.
   *
   * @param clientId one client's id to read by key instead of walking the instance, or null
   */
  Future<List<Subscription>> find(RoutingContext ctx, String instanceId, String clientId, ClientFilter clients,
                                  Predicate<Subscription> keep) {
    List<Subscription> found = new ArrayList<>();
    if (clientId != null) {
      return Stages.on(ctx, control.registry().get(new ClientKey(instanceId, clientId))).map(record -> {
        record.filter(clients::test).ifPresent(r -> add(r.clientId(), r.node(), r.subscriptions(), keep, found));
        return found;
      });
    }
    return Stages.on(ctx, control.registry().subscriptions(instanceId, clients)).map(all -> {
      all.forEach(c -> add(c.clientId(), c.node(), c.subscriptions(), keep, found));
      return found;
    });
  }

  private static void add(String clientId, String node, Map<String, Integer> subscriptions, Predicate<Subscription> keep,
                          List<Subscription> found) {
    // a record's subscriptions are sorted by topic
    for (Map.Entry<String, Integer> s : subscriptions.entrySet()) {
      Subscription subscription = new Subscription(node, clientId, s.getKey(), s.getValue());
      if (keep.test(subscription)) {
        found.add(subscription);
      }
    }
  }
}
