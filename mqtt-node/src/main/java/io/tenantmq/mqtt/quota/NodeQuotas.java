package io.tenantmq.mqtt.quota;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.quota.InstanceQuotas;
import io.tenantmq.control.quota.QuotaDirectory;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRegistry;
import io.tenantmq.mqtt.MqttNodeOptions;
import io.tenantmq.mqtt.metrics.InstanceMetrics;
import io.tenantmq.mqtt.metrics.InstanceMetrics.QuotaEvent;
import io.tenantmq.mqtt.metrics.InstanceMetricsTable;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's view of every instance's quotas and of the other nodes' usage of the cluster-wide ones.
 *
 * <p>Configured quotas come from {@link QuotaDirectory#watch}: a change reaches the next packet of every connected
 * client, and no packet waits for the cluster. Cluster-wide quotas (an instance's connections and message rate) are
 * enforced as this node's exact count plus the others' last reports in the map {@link MapNames#QUOTA_USAGE}: each node
 * reports an instance with such a quota every {@link #REPORT_MILLIS} and at once when it admits a connection; the
 * reports expire after {@link #REPORT_TTL_SECONDS} (a crashed node's usage goes away by itself).
 *
 * <p>Bounds. Connections: a node counts its own exactly (connections being accepted included), so one node alone never
 * exceeds the maximum; across nodes a CONNECT is admitted against the others' count as of their last report, which
 * they send when they admit one: the instance can exceed its maximum only by the CONNECTs other nodes admitted within
 * one report's propagation (a map write and its event, milliseconds on a LAN), and in the worst case of every node
 * admitting at the same instant by (nodes − 1) × what each admits in that window. A closed connection frees its place
 * for the other nodes within {@link #REPORT_MILLIS}. Message rate: each node refills its bucket at the instance's rate
 * minus what the others reported (at least an equal split among the publishing nodes), so the instance's total stays
 * at its rate once reports settle and may exceed it by at most (nodes − 1) / nodes of the rate for about two report
 * periods after the publishing load moves between nodes.
 *
 * <p>Owned by: nobody; thread-safe. Hazelcast events update it on their threads.
 */
public final class NodeQuotas {

  /** How often a node reports its usage of cluster-wide quotas. */
  public static final long REPORT_MILLIS = 1_000;
  static final int REPORT_TTL_SECONDS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(NodeQuotas.class);

  private final String node;
  private final Vertx vertx;
  private final MqttNodeOptions options;
  private final QuotaDirectory directory;
  private final ClientRegistry registry;
  private final IMap<UsageKey, NodeUsage> usage;
  private final InstanceMetricsTable metrics;
  private final MeterRegistry meters;
  private final Map<String, InstanceQuotas> configured = new ConcurrentHashMap<>();
  private final Map<String, InstanceQuota> instances = new ConcurrentHashMap<>();
  /** instanceId → node → that node's last report, for the other nodes only. */
  private final Map<String, Map<String, NodeUsage>> others = new ConcurrentHashMap<>();
  /** What this node last reported per instance; absent: nothing (or nothing to report). */
  private final Map<String, NodeUsage> reported = new ConcurrentHashMap<>();
  private Runnable stopWatching;
  private UUID usageListener;
  private long reportTimer = -1;
  private boolean stopped;
  private long lastReportNanos = System.nanoTime();

  public NodeQuotas(String node, Vertx vertx, HazelcastInstance hazelcast, QuotaDirectory directory,
                    ClientRegistry registry, MqttNodeOptions options, InstanceMetricsTable metrics,
                    MeterRegistry meters) {
    this.node = node;
    this.vertx = vertx;
    this.options = options;
    this.directory = directory;
    this.registry = registry;
    this.usage = hazelcast.getMap(MapNames.QUOTA_USAGE);
    this.metrics = metrics;
    this.meters = meters;
  }

  /** Loads the configured quotas and the others' usage, then follows both. */
  public Future<Void> start() {
    return vertx.<Void>executeBlocking(() -> {
      usageListener = usage.addEntryListener(new UsageMirror(), true);
      for (Map.Entry<UsageKey, NodeUsage> e : usage.entrySet()) {
        othersReported(e.getKey(), e.getValue());
      }
      stopWatching = directory.watch(this::configured);
      return null;
    }, false);
  }

  /**
   * Reports start with the first cluster-wide quota this node learns of: a node whose instances have none sets no
   * timer at all (a periodic timer from the start delayed a crashing member's last writes in WillDelayClusterTest).
   */
  private synchronized void reportFromNowOn() {
    if (reportTimer < 0 && !stopped) {
      reportTimer = vertx.setPeriodic(REPORT_MILLIS, id -> report());
    }
  }

  public synchronized void stop() {
    stopped = true;
    if (reportTimer >= 0) {
      vertx.cancelTimer(reportTimer);
    }
    if (stopWatching != null) {
      stopWatching.run();
    }
    if (usageListener != null) {
      usage.removeEntryListener(usageListener);
    }
    reported.keySet().forEach(instanceId -> usage.deleteAsync(new UsageKey(instanceId, node)));
  }

  /** The instance's quotas on this node (made on first use). */
  public InstanceQuota of(String instanceId) {
    InstanceQuota found = instances.get(instanceId);
    return found != null ? found : instances.computeIfAbsent(instanceId, this::create);
  }

  /** The quotas a new session of the instance checks. */
  public ClientQuota client(String instanceId) {
    return new ClientQuota(of(instanceId));
  }

  /**
   * Holds a place among the instance's connections for a CONNECT of {@code key}, or completes with null when the
   * instance is at its maximum (counted). {@code connectedHere}: the client id is connected on this node, so the CONNECT
   * replaces a counted connection; one connected on another node is found in the registry, only when the instance is
   * at its maximum.
   */
  public Future<ConnectionSlot> admit(ClientKey key, boolean connectedHere, Context context) {
    InstanceQuota quota = of(key.instanceId());
    ConnectionSlot slot = quota.admit(connectedHere);
    if (slot != null) {
      reportSoon(quota);
      return Future.succeededFuture(slot);
    }
    return Future.fromCompletionStage(registry.get(key), context).otherwise(Optional.empty()).map(found -> {
      if (found.isPresent() && found.get().connected()) {
        return quota.admit(true); // a takeover: the connection elsewhere ends as this one starts
      }
      quota.metrics().quotaExceeded(QuotaEvent.CONNECTION_REFUSED);
      return null;
    });
  }

  /** A node left the cluster: its usage no longer counts (its reports would expire anyway). */
  public void nodeLeft(String departed) {
    others.forEach((instanceId, byNode) -> {
      if (byNode.remove(departed) != null) {
        recompute(instanceId);
      }
    });
  }

  private InstanceQuota create(String instanceId) {
    InstanceMetrics m = metrics.of(instanceId);
    InstanceQuota quota = new InstanceQuota(instanceId, m, limits(instanceId));
    for (QuotaEvent event : QuotaEvent.values()) {
      FunctionCounter.builder("tenantmq.quota.exceeded", m, x -> x.quotaExceededCount(event))
          .description("what a quota of the instance refused, dropped or slowed down")
          .tag("node", node).tag("instance", instanceId).tag("quota", event.tag())
          .register(meters);
    }
    applyOthers(instanceId, quota);
    return quota;
  }

  private QuotaLimits limits(String instanceId) {
    return QuotaLimits.resolve(configured.getOrDefault(instanceId, InstanceQuotas.none(instanceId)), options);
  }

  private void configured(InstanceQuotas quotas) {
    if (quotas.configured().isEmpty()) {
      configured.remove(quotas.instanceId());
    } else {
      configured.put(quotas.instanceId(), quotas);
    }
    InstanceQuota quota = instances.get(quotas.instanceId());
    if (quota != null) {
      quota.limits(limits(quotas.instanceId()));
    }
    if (quotas.maxConnections() != null || quotas.messagesPerSecondPerInstance() != null) {
      reportFromNowOn();
    }
  }

  // ---- usage of cluster-wide quotas ---------------------------------------------------------------------------------

  private void reportSoon(InstanceQuota quota) {
    if (quota.limits().maxConnections() != Integer.MAX_VALUE) {
      NodeUsage last = reported.getOrDefault(quota.instanceId(), NodeUsage.NONE);
      put(quota.instanceId(), new NodeUsage(quota.localConnections(), last.messagesPerSecond()));
    }
  }

  /** Every period: this node's usage of each instance with a cluster-wide quota (refreshing the report's TTL). */
  private void report() {
    long now = System.nanoTime();
    long elapsedMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(now - lastReportNanos));
    lastReportNanos = now;
    for (InstanceQuota quota : instances.values()) {
      String instanceId = quota.instanceId();
      long published = quota.takePublished();
      NodeUsage current = quota.clusterWide()
          ? new NodeUsage(quota.localConnections(), (int) Math.min(Integer.MAX_VALUE, published * 1000 / elapsedMillis))
          : NodeUsage.NONE;
      if (!current.equals(NodeUsage.NONE)) {
        put(instanceId, current);
      } else if (reported.remove(instanceId) != null) {
        usage.deleteAsync(new UsageKey(instanceId, node));
      }
    }
  }

  private void put(String instanceId, NodeUsage current) {
    reported.put(instanceId, current);
    usage.setAsync(new UsageKey(instanceId, node), current, REPORT_TTL_SECONDS, TimeUnit.SECONDS)
        .whenComplete((v, e) -> {
          if (e != null) {
            LOG.debug("usage of {} not reported: {}", instanceId, e.toString());
          }
        });
  }

  private void othersReported(UsageKey key, NodeUsage value) {
    if (key.node().equals(node)) {
      return;
    }
    Map<String, NodeUsage> byNode = others.computeIfAbsent(key.instanceId(), id -> new ConcurrentHashMap<>());
    if (value == null) {
      byNode.remove(key.node());
    } else {
      byNode.put(key.node(), value);
    }
    recompute(key.instanceId());
  }

  private void recompute(String instanceId) {
    InstanceQuota quota = instances.get(instanceId);
    if (quota != null) {
      applyOthers(instanceId, quota);
    }
  }

  private void applyOthers(String instanceId, InstanceQuota quota) {
    Map<String, NodeUsage> byNode = others.get(instanceId);
    int connections = 0;
    int rate = 0;
    int publishing = 0;
    if (byNode != null) {
      for (NodeUsage u : byNode.values()) {
        connections += u.connections();
        rate += u.messagesPerSecond();
        publishing += u.messagesPerSecond() > 0 ? 1 : 0;
      }
    }
    quota.others(connections, rate, publishing);
  }

  private final class UsageMirror implements EntryAddedListener<UsageKey, NodeUsage>,
      EntryUpdatedListener<UsageKey, NodeUsage>, EntryRemovedListener<UsageKey, NodeUsage>,
      EntryExpiredListener<UsageKey, NodeUsage> {
    @Override
    public void entryAdded(EntryEvent<UsageKey, NodeUsage> event) {
      othersReported(event.getKey(), event.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<UsageKey, NodeUsage> event) {
      othersReported(event.getKey(), event.getValue());
    }

    @Override
    public void entryRemoved(EntryEvent<UsageKey, NodeUsage> event) {
      othersReported(event.getKey(), null);
    }

    @Override
    public void entryExpired(EntryEvent<UsageKey, NodeUsage> event) {
      othersReported(event.getKey(), null);
    }
  }
}
