package io.tenantmq.control.testing;

import com.hazelcast.cluster.Address;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.cluster.ClusterMaps;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.control.persistence.DurableStore;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real Hazelcast member on loopback with TenantMQ's maps, alone in a cluster of its own, and a ControlPlane on it. */
public final class EmbeddedMember implements AutoCloseable {

  public final HazelcastInstance hazelcast;
  public final ControlPlane control;
  private final ExecutorService workers = Executors.newFixedThreadPool(2);

  public EmbeddedMember(String nodeName) {
    this(nodeName, null, new SecretCipher(SecretCipher.newKey()));
  }

  /** A member whose durable maps write through to {@code store} (none: memory only), sealing secrets with {@code cipher}. */
  public EmbeddedMember(String nodeName, DurableStore store, SecretCipher cipher) {
    this(nodeName, "cp-test-" + UUID.randomUUID(), store, cipher);
  }

  /** A member of {@code clusterName}: members of one name on this host form one cluster. */
  public EmbeddedMember(String nodeName, String clusterName, DurableStore store, SecretCipher cipher) {
    Config config = new Config().setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.getMemberAttributeConfig().setAttribute(MapNames.NODE_NAME_ATTRIBUTE, nodeName);
    config.getNetworkConfig().setPort(5901).setPortAutoIncrement(true).getInterfaces().setEnabled(true)
        .addInterface("127.0.0.1");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
    // members of this cluster already in this JVM by address: probing the port range alone may miss them on a busy host
    for (HazelcastInstance other : Hazelcast.getAllHazelcastInstances()) {
      if (clusterName.equals(other.getConfig().getClusterName()) && other.getLifecycleService().isRunning()) {
        Address a = other.getCluster().getLocalMember().getAddress();
        join.getTcpIpConfig().addMember(a.getHost() + ":" + a.getPort());
      }
    }
    config.getJetConfig().setEnabled(false);
    hazelcast = Hazelcast.newHazelcastInstance(ClusterMaps.configure(config, store));
    control = ControlPlane.create(hazelcast, cipher, workers);
  }

  /** Ends the member abruptly, as a killed process would: nothing more reaches the cluster or the store. */
  public void crash() {
    hazelcast.getLifecycleService().terminate();
    workers.shutdownNow();
  }

  @Override
  public void close() {
    hazelcast.shutdown();
    workers.shutdownNow();
  }
}
