package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.registry.ClientFilter;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientPage;
import io.tenantmq.control.registry.ClientQuery;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.gateway.common.Stages;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The subscriptions of one instance's sessions, read from the cluster-wide registry (each client's record carries its
 * subscriptions), whichever node the sessions live on. One client is one registry read; a whole instance is walked
 * with the registry's cursor pages of {@value #BATCH} records, which read only that instance's records (its index) but
 * every one of them: a listing costs a scan of the instance, not of the cluster.
 */
final class InstanceSubscriptions {

  static final int BATCH = ClientQuery.MAX_LIMIT;

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
        record.filter(clients::test).ifPresent(r -> add(r, keep, found));
        return found;
      });
    }
    return walk(ctx, instanceId, clients, null, keep, found);
  }

  private Future<List<Subscription>> walk(RoutingContext ctx, String instanceId, ClientFilter clients, String after,
                                          Predicate<Subscription> keep, List<Subscription> found) {
    return Stages.on(ctx, control.registry().pageAfter(instanceId, clients, after, BATCH)).compose((ClientPage page) -> {
      page.records().forEach(r -> add(r, keep, found));
      return page.hasNext() ? walk(ctx, instanceId, clients, page.lastClientId(), keep, found)
          : Future.succeededFuture(found);
    });
  }

  private static void add(ClientRecord record, Predicate<Subscription> keep, List<Subscription> found) {
    // the record's subscriptions are sorted by topic
    for (Map.Entry<String, Integer> s : record.subscriptions().entrySet()) {
      Subscription subscription = new Subscription(record.node(), record.clientId(), s.getKey(), s.getValue());
      if (keep.test(subscription)) {
        found.add(subscription);
      }
    }
  }
}
