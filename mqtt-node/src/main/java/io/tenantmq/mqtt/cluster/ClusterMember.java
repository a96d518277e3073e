package io.tenantmq.mqtt.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.tenantmq.control.cluster.ClusterMaps;
import io.tenantmq.control.cluster.MapNames;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.UUID;

/**
 * One member of a TenantMQ cluster: an embedded Hazelcast member and a Vert.x instance clustered on it, so that
 * Hazelcast maps carry shared state and the event bus carries node-to-node traffic. One process alone is a
 * one-member cluster on the same code path.
 */
public record ClusterMember(Vertx vertx, HazelcastInstance hazelcast, String nodeName) {

  private static final String VERTX_NODE_ID_ATTRIBUTE = "__vertx.nodeId";

  /**
   * Starts the Hazelcast member (blocking, about two seconds: call it from a starting thread, never an event loop),
   * then Vert.x on it.
   */
  public static Future<ClusterMember> start(ClusterMemberOptions options, VertxMetricsFactory metrics,
                                            MetricsOptions metricsOptions) {
    HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(hazelcastConfig(options));
    VertxOptions vertxOptions = new VertxOptions()
        .setEventBusOptions(new EventBusOptions().setHost(options.host()).setPort(0));
    if (metricsOptions != null) {
      vertxOptions.setMetricsOptions(metricsOptions);
    }
    var builder = Vertx.builder().with(vertxOptions).withClusterManager(new HazelcastClusterManager(hazelcast));
    if (metrics != null) {
      builder = builder.withMetrics(metrics);
    }
    return builder.buildClustered()
        .map(vertx -> new ClusterMember(vertx, hazelcast, options.nodeName()))
        .onFailure(e -> hazelcast.shutdown());
  }

  static Config hazelcastConfig(ClusterMemberOptions options) {
    // Vert.x's default cluster.xml holds the maps the clustered event bus needs
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(options.clusterName());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    // a crashed member is noticed within seconds, not the default minute
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(options.failureDetectionSeconds()));
    config.getMemberAttributeConfig().setAttribute(MapNames.NODE_NAME_ATTRIBUTE, options.nodeName());
    // Vert.x finds its own node id here when it is handed an instance it did not create
    config.getMemberAttributeConfig().setAttribute(VERTX_NODE_ID_ATTRIBUTE, UUID.randomUUID().toString());
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(options.port() == 0 ? ClusterMemberOptions.DEFAULT_PORT : options.port())
        .setPortAutoIncrement(options.port() == 0)
        .setPortCount(100);
    network.getInterfaces().setEnabled(true).addInterface(options.host());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (options.kubernetesServiceDns() != null) {
      // DNS lookup mode: no Kubernetes API access (RBAC) needed, only a headless service; peers listen on our port
      join.getKubernetesConfig().setEnabled(true)
          .setProperty("service-dns", options.kubernetesServiceDns())
          .setProperty("service-port", String.valueOf(network.getPort()));
    } else {
      join.getTcpIpConfig().setEnabled(true);
      if (options.members().isEmpty()) {
        join.getTcpIpConfig().addMember(options.host());
      } else {
        options.members().forEach(join.getTcpIpConfig()::addMember);
      }
    }
    config.getJetConfig().setEnabled(false);
    return ClusterMaps.configure(config, options.durableStore());
  }

  /** Closes Vert.x, which leaves the cluster, then shuts the Hazelcast member down. */
  public Future<Void> close() {
    return vertx.close().eventually(() -> {
      if (hazelcast.getLifecycleService().isRunning()) {
        hazelcast.shutdown();
      }
      return Future.succeededFuture();
    });
  }
}
