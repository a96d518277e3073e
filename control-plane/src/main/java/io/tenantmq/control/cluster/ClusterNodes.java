package io.tenantmq.control.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The TenantMQ nodes of the cluster, by node name (the Hazelcast member attribute {@link MapNames#NODE_NAME_ATTRIBUTE}).
 * Tells who is alive, who is the oldest member (which cleans up after a member that left, so that it happens once),
 * and calls listeners when a node leaves. Thread-safe; listeners run on a Hazelcast event thread and must not block.
 */
public final class ClusterNodes {

  private final HazelcastInstance hazelcast;
  private final String localNode;
  private final List<Consumer<String>> leftListeners = new CopyOnWriteArrayList<>();
  private final UUID registration;

  public ClusterNodes(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
    this.localNode = nodeName(hazelcast.getCluster().getLocalMember());
    if (localNode == null) {
      throw new IllegalStateException("the local member has no " + MapNames.NODE_NAME_ATTRIBUTE + " attribute");
    }
    long sameName = hazelcast.getCluster().getMembers().stream().filter(m -> localNode.equals(nodeName(m))).count();
    if (sameName > 1) {
      throw new IllegalStateException("node name '" + localNode + "' is already used by another member of the cluster");
    }
    this.registration = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        String node = nodeName(event.getMember());
        if (node != null) {
          leftListeners.forEach(l -> l.accept(node));
        }
      }
    });
  }

  public String localNode() {
    return localNode;
  }

  /** Names of the live nodes, this one included. */
  public Set<String> liveNodes() {
    return hazelcast.getCluster().getMembers().stream().map(ClusterNodes::nodeName)
        .filter(n -> n != null).collect(Collectors.toUnmodifiableSet());
  }

  public boolean isAlive(String node) {
    for (Member m : hazelcast.getCluster().getMembers()) {
      if (node.equals(nodeName(m))) {
        return true;
      }
    }
    return false;
  }

  /** True on exactly one live member: the oldest. Cluster-wide clean-up runs there. */
  public boolean isOldest() {
    Member oldest = hazelcast.getCluster().getMembers().iterator().next();
    return oldest.localMember();
  }

  /** Calls {@code listener} with the node name of every member that leaves the cluster, on every live member. */
  public void onNodeLeft(Consumer<String> listener) {
    leftListeners.add(listener);
  }

  public void close() {
    try {
      hazelcast.getCluster().removeMembershipListener(registration);
    } catch (RuntimeException ignored) {
      // the member is already shutting down
    }
  }

  private static String nodeName(Member member) {
    return member.getAttribute(MapNames.NODE_NAME_ATTRIBUTE);
  }
}
