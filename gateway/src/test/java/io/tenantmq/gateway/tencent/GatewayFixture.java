package io.tenantmq.gateway.tencent;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.cluster.NodeReadiness;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.gateway.GatewayOptions;
import io.tenantmq.gateway.GatewayServer;
import io.vertx.core.Vertx;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real gateway for tests: an embedded Hazelcast member on loopback (a cluster name of its own), the control plane
 * over it, plain Vert.x, and a {@link GatewayServer} on an ephemeral port. No MQTT node: tests write registry records
 * themselves.
 */
final class GatewayFixture implements AutoCloseable {

  final HazelcastInstance hazelcast;
  final ControlPlane control;
  final Vertx vertx;
  final GatewayServer server;
  private final ExecutorService blocking;

  GatewayFixture(GatewayOptions options) throws Exception {
    hazelcast = Hazelcast.newHazelcastInstance(config("gw-test-" + UUID.randomUUID()));
    blocking = Executors.newFixedThreadPool(2);
    control = ControlPlane.create(hazelcast, new SecretCipher(SecretCipher.newKey()), blocking);
    vertx = Vertx.vertx();
    NodeReadiness readiness = new NodeReadiness(EnumSet.of(NodeReadiness.Component.HTTP));
    server = new GatewayServer(vertx, new GatewayOptions(options).setHost("127.0.0.1").setPort(0), readiness,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "node-test", control);
    server.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  int port() {
    return server.actualPort();
  }

  void tenantWithInstance(String tenantId, String instanceId) {
    join(control.tenants().createTenantIfAbsent(new Tenant(tenantId, tenantId, 0)));
    join(control.tenants().createInstanceIfAbsent(new Instance(instanceId, tenantId, instanceId, false,
        System.currentTimeMillis())));
  }

  IssuedCredential credential(String tenantId, String instanceId) {
    return join(control.credentials().issue(tenantId, CredentialKind.TENCENT, instanceId, "test"));
  }

  static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Config config(String clusterName) {
    Config config = new Config();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    // one member that joins nobody, away from 5701-5703 where the multi-member tests of other modules look for peers
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(5800 + ThreadLocalRandom.current().nextInt(100)).setPortAutoIncrement(true).setPortCount(100);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(false);
    config.getJetConfig().setEnabled(false);
    return config;
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      hazelcast.shutdown();
      blocking.shutdownNow();
    }
  }
}
