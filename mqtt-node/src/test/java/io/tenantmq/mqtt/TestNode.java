package io.tenantmq.mqtt;

import com.hazelcast.cluster.Address;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tenantmq.control.cluster.ClusterNodes;
import io.tenantmq.control.registry.ClientRegistry;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.control.persistence.DurableStore;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.control.tenant.TenantDirectory;
import io.tenantmq.mqtt.cluster.ClusterMember;
import io.tenantmq.mqtt.cluster.ClusterMemberOptions;
import io.tenantmq.mqtt.listener.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real TenantMQ broker node for tests: an embedded Hazelcast member on loopback (cluster name unique per test run),
 * Vert.x clustered on it, and an {@link MqttNode} on ephemeral ports whose default instance allows anonymous loopback
 * clients.
 */
public final class TestNode implements AutoCloseable {

  public static final String INSTANCE_ID = "mqtt-test";

  public final ClusterMember member;
  public final MqttNode node;
  public final ClientRegistry registry;
  public final ClusterNodes nodes;
  public final ControlPlane control;
  /** The node's meters (what {@code /metrics} shows in the product). */
  public final MeterRegistry meters;
  private final ExecutorService blocking;

  private TestNode(ClusterMember member, MqttNode node, ControlPlane control, ClusterNodes nodes,
                   ExecutorService blocking, MeterRegistry meters) {
    this.meters = meters;
    this.member = member;
    this.node = node;
    this.control = control;
    this.registry = control.registry();
    this.nodes = nodes;
    this.blocking = blocking;
  }

  public static String newClusterName() {
    return "test-" + UUID.randomUUID();
  }

  private static TestNode shared;

  /**
   * The node most test classes share, started on first use and stopped when the test JVM exits; classes that need
   * other options or their own cluster start their own.
   */
  public static synchronized TestNode shared() throws Exception {
    if (shared == null) {
      shared = start(newClusterName(), "node-shared", new MqttNodeOptions());
      TestNode node = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> node.crash()));
    }
    return shared;
  }

  /**
   * The member addresses of each cluster started here. Other test JVMs on the machine take ports from 5701 up, and a
   * join list of a bare host only probes the first few, so later members are told where the earlier ones are.
   */
  private static final Map<String, List<String>> MEMBERS = new ConcurrentHashMap<>();

  public static TestNode start(String clusterName, String nodeName, MqttNodeOptions options) throws Exception {
    return start(clusterName, nodeName, options, null);
  }

  /** A node whose durable maps write through to {@code store} (null: memory only); the caller closes the store. */
  public static TestNode start(String clusterName, String nodeName, MqttNodeOptions options, DurableStore store)
      throws Exception {
    List<String> joinList = new ArrayList<>(List.of("127.0.0.1"));
    joinList.addAll(MEMBERS.getOrDefault(clusterName, List.of()));
    ClusterMember member = ClusterMember.start(
        new ClusterMemberOptions(clusterName, nodeName, "127.0.0.1", 0, joinList, store), null, null)
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    Address address = member.hazelcast().getCluster().getLocalMember().getAddress();
    MEMBERS.computeIfAbsent(clusterName, c -> new CopyOnWriteArrayList<>()).add(address.getHost() + ":" + address.getPort());
    ExecutorService blocking = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "tenantmq-blocking-" + nodeName);
      t.setDaemon(true);
      return t;
    });
    ControlPlane control = ControlPlane.create(member.hazelcast(), new SecretCipher(SecretCipher.newKey()), blocking);
    TenantDirectory tenants = control.tenants();
    tenants.createTenantIfAbsent(new Tenant("tenant-test", "test", 0)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    tenants.createInstanceIfAbsent(new Instance(INSTANCE_ID, "tenant-test", "test", true, 0))
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    ClusterNodes nodes = new ClusterNodes(member.hazelcast());
    ClientRegistry registry = control.registry();
    MqttNodeOptions o = new MqttNodeOptions(options).setMqttPort(0).setWsPort(0).setHost("127.0.0.1")
        .setDefaultInstanceId(INSTANCE_ID);
    MeterRegistry meters = new SimpleMeterRegistry();
    MqttNode node = new MqttNode(member.vertx(), member.hazelcast(), nodes, control, meters, o);
    node.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return new TestNode(member, node, control, nodes, blocking, meters);
  }

  public int mqttPort() {
    return node.actualPort(Transport.TCP);
  }

  public int wsPort() {
    return node.actualPort(Transport.WEBSOCKET);
  }

  /** Ends the member abruptly, as a crash would: no clean-up reaches the cluster. */
  public void crash() {
    member.hazelcast().getLifecycleService().terminate();
    member.vertx().close();
    blocking.shutdownNow();
  }

  @Override
  public void close() throws Exception {
    try {
      node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      member.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      blocking.shutdownNow();
    }
  }
}
