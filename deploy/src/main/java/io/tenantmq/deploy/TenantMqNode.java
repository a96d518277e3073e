package io.tenantmq.deploy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tenantmq.control.cluster.ClusterNodes;
import io.tenantmq.control.cluster.NodeReadiness;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.control.persistence.DurableStore;
import io.tenantmq.control.persistence.EventRetention;
import io.tenantmq.deploy.config.TenantMqConfig;
import io.tenantmq.deploy.demo.DemoCredentials;
import io.tenantmq.deploy.demo.DemoTenant;
import io.tenantmq.gateway.GatewayOptions;
import io.tenantmq.gateway.GatewayServer;
import io.tenantmq.mqtt.MqttNode;
import io.tenantmq.mqtt.MqttNodeOptions;
import io.tenantmq.mqtt.cluster.ClusterMember;
import io.tenantmq.mqtt.cluster.ClusterMemberOptions;
import io.tenantmq.mqtt.listener.Transport;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running TenantMQ process: joins the cluster, ensures the demo tenant, starts the MQTT node and the gateway as
 * its role says, writes {@code ports.json}. Start and stop are blocking: they run on the main thread and the
 * shutdown hook, never on an event loop.
 */
public final class TenantMqNode {

  private static final Logger LOG = LoggerFactory.getLogger(TenantMqNode.class);
  private static final long STOP_TIMEOUT_SECONDS = 30;
  /** Where the self-signed certificate lives in the data directory when none is configured. */
  public static final String TLS_DIR = "tls";

  private final TenantMqConfig config;
  private ClusterMember member;
  private ExecutorService blocking;
  private ClusterNodes nodes;
  private MqttNode mqtt;
  private GatewayServer gateway;
  private NodeReadiness readiness;
  private DemoCredentials demo;
  private ControlPlane control;
  private DurableStore store;

  public TenantMqNode(TenantMqConfig config) {
    this.config = config;
  }

  public TenantMqNode start() throws Exception {
    PortsFile.delete(config.dataDir());
    store = DurableStore.open(config.jdbcUrl() != null ? config.jdbcUrl() : DurableStore.h2Url(config.dataDir()),
        EventRetention.ofHours(config.eventRetentionHours()));
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    member = ClusterMember.start(
        new ClusterMemberOptions(config.clusterName(), config.nodeName(), clusterHost(), config.clusterPort(),
            config.clusterMembers(), store, config.kubernetesServiceDns(), config.failureDetectionSeconds()),
        new MicrometerMetricsFactory(meters),
        new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true))
        .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    AtomicInteger threads = new AtomicInteger();
    blocking = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "tenantmq-blocking-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    nodes = new ClusterNodes(member.hazelcast());
    if (config.jdbcUrl() == null && member.hazelcast().getCluster().getMembers().size() > 1) {
      LOG.warn("every member of this cluster keeps its durable state in its own H2 file; members must share one"
          + " database (--jdbc-url jdbc:postgresql://…) for that state to survive a restart of the cluster");
    }
    control = ControlPlane.create(member.hazelcast(), new SecretCipher(SecretKeyFile.agree(config, member.hazelcast())),
        blocking);
    // the MQTT node ends a departed node's clients and routes (on the oldest member)
    demo = DemoTenant.ensure(member.hazelcast(), control, config.dataDir(),
        config.adminToken() == null ? null : config.adminToken().value());

    EnumSet<NodeReadiness.Component> expected = EnumSet.of(NodeReadiness.Component.HTTP);
    if (config.role().servesMqtt()) {
      expected.add(NodeReadiness.Component.MQTT);
    }
    readiness = new NodeReadiness(expected);
    if (config.role().servesMqtt()) {
      mqtt = new MqttNode(member.vertx(), member.hazelcast(), nodes, control, meters, mqttOptions());
      mqtt.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      readiness.serving(NodeReadiness.Component.MQTT);
    }
    // the APIs that report endpoints report the ports the MQTT node really bound
    GatewayOptions gatewayOptions = new GatewayOptions().setHost(config.host())
        .setPort(config.httpPort() < 0 ? 0 : config.httpPort())
        .setAdminToken(demo.admin().token())
        .setMqttHost(config.host())
        .setMqttPort(mqttPort(Transport.TCP) == null ? -1 : mqttPort(Transport.TCP))
        .setWsPort(mqttPort(Transport.WEBSOCKET) == null ? -1 : mqttPort(Transport.WEBSOCKET));
    gateway = new GatewayServer(member.vertx(), gatewayOptions, readiness, meters, config.nodeName(), control);
    gateway.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    PortsFile.write(config.dataDir(), mqttPort(Transport.TCP), mqttPort(Transport.WEBSOCKET), gateway.actualPort(),
        mqttPort(Transport.TLS), mqttPort(Transport.WEBSOCKET_TLS));
    LOG.info("TenantMQ node {} ({}) up: mqtt={} ws={} http={} tls={} wss={} data={} store={}", config.nodeName(),
        config.role(), mqttPort(Transport.TCP), mqttPort(Transport.WEBSOCKET), gateway.actualPort(),
        mqttPort(Transport.TLS), mqttPort(Transport.WEBSOCKET_TLS), config.dataDir(), store.url());
    return this;
  }

  public DemoCredentials demo() {
    return demo;
  }

  /** The Hazelcast member port this node bound, for others' {@code --cluster-members}. */
  public int clusterPort() {
    return member.hazelcast().getCluster().getLocalMember().getAddress().getPort();
  }

  /** The domain services of this member (for tests and tools in the same process). */
  public ControlPlane control() {
    return control;
  }

  private Integer mqttPort(Transport transport) {
    int port = mqtt == null ? -1 : mqtt.actualPort(transport);
    return port < 0 ? null : port;
  }

  private String clusterHost() {
    // members on other hosts need a routable address; everything on one machine stays on loopback
    boolean remote = config.kubernetesServiceDns() != null || config.clusterMembers().stream().anyMatch(m -> !m.startsWith("127.") && !m.startsWith("localhost"));
    if (!remote) {
      return "127.0.0.1";
    }
    return "0.0.0.0".equals(config.host()) ? firstNonLoopback() : config.host();
  }

  private static String firstNonLoopback() {
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException e) {
      return "127.0.0.1";
    }
  }

  private MqttNodeOptions mqttOptions() {
    TenantMqConfig.MqttLimits l = config.mqtt();
    return new MqttNodeOptions()
        .setHost(config.host())
        .setMqttPort(config.mqttPort())
        .setWsPort(config.wsPort())
        .setMaxPacketSize(l.maxPacketSize())
        .setMaxClientIdLength(l.maxClientIdLength())
        .setMaxInflight(l.maxInflight())
        .setMaxQueuedMessages(l.maxQueuedMessages())
        .setMaxSessionExpirySeconds(l.maxSessionExpirySeconds())
        .setDefaultInstanceId(demo.instanceId())
        .setTlsPort(config.tlsPort())
        .setWssPort(config.wssPort())
        .setTlsCertificate(pathOrNull(config.tls().certificate()), pathOrNull(config.tls().privateKey()))
        .setTlsDirectory(config.dataDir().resolve(TLS_DIR).toString())
        .setSniDomain(config.tls().sniDomain());
  }

  private static String pathOrNull(java.nio.file.Path path) {
    return path == null ? null : path.toString();
  }

  /** Clean shutdown: not ready, MQTT connections closed (wills sent), HTTP closed, cluster left. */
  public void stop() {
    LOG.info("TenantMQ node {} stopping", config.nodeName());
    if (readiness != null) {
      readiness.stopping();
    }
    try {
      if (mqtt != null) {
        mqtt.stop().toCompletionStage().toCompletableFuture().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
      if (gateway != null) {
        gateway.stop().toCompletionStage().toCompletableFuture().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.warn("clean stop incomplete: {}", e.toString());
    } finally {
      PortsFile.delete(config.dataDir());
      if (nodes != null) {
        nodes.close();
      }
      if (member != null) {
        try {
          member.close().toCompletionStage().toCompletableFuture().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
          LOG.warn("leaving the cluster failed: {}", e.toString());
        }
      }
      if (blocking != null) {
        blocking.shutdownNow();
      }
      if (store != null) {
        store.close(); // after the member: its last writes go through the store
      }
      LOG.info("TenantMQ node {} stopped", config.nodeName());
    }
  }
}
