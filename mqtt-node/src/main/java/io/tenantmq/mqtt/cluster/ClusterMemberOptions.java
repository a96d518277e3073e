package io.tenantmq.mqtt.cluster;

import io.tenantmq.control.persistence.DurableStore;
import java.util.List;
import java.util.Objects;

/**
 * How a process joins the cluster.
 *
 * @param clusterName  members with the same name and member list form one cluster
 * @param nodeName     this member's TenantMQ node name, unique in the cluster
 * @param host         the interface Hazelcast and the event bus bind to
 * @param port         the Hazelcast member port; 0 picks one from 5701 upwards
 * @param members      TCP join list ({@code host:port}); empty joins only members on {@code host}
 * @param durableStore where the durable maps write through to; null keeps them in memory only. The caller opened it
 *                     and closes it after the member has shut down.
 */
public record ClusterMemberOptions(String clusterName, String nodeName, String host, int port, List<String> members,
                                   DurableStore durableStore) {
  public static final int DEFAULT_PORT = 5701;

  /** A member whose maps live in memory only. */
  public ClusterMemberOptions(String clusterName, String nodeName, String host, int port, List<String> members) {
    this(clusterName, nodeName, host, port, members, null);
  }

  public ClusterMemberOptions {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(host, "host");
    members = List.copyOf(members);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("cluster port must be within 0..65535, was " + port);
    }
  }
}
