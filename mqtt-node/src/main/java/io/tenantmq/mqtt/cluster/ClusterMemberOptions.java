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
 * @param kubernetesServiceDns null: join by TCP through {@code members}; else the DNS name of a Kubernetes headless
 *                     service ({@code tenantmq-hz.ns.svc.cluster.local}) whose addresses are the members, each on this
 *                     member's {@code port} (Hazelcast's Kubernetes discovery in DNS lookup mode; {@code members} unused)
 * @param failureDetectionSeconds how long a member may stay silent (heartbeats every second) before the others declare
 *                     it dead and clean up after it
 */
public record ClusterMemberOptions(String clusterName, String nodeName, String host, int port, List<String> members,
                                   DurableStore durableStore, String kubernetesServiceDns,
                                   int failureDetectionSeconds) {
  public static final int DEFAULT_PORT = 5701;
  public static final int DEFAULT_FAILURE_DETECTION_SECONDS = 6;
  /** Heartbeats go out every second, so a shorter window would declare live members dead. */
  public static final int MIN_FAILURE_DETECTION_SECONDS = 2;

  /** A member whose maps live in memory only. */
  public ClusterMemberOptions(String clusterName, String nodeName, String host, int port, List<String> members) {
    this(clusterName, nodeName, host, port, members, null);
  }

  /** A TCP-joined member with the default failure detection. */
  public ClusterMemberOptions(String clusterName, String nodeName, String host, int port, List<String> members,
                              DurableStore durableStore) {
    this(clusterName, nodeName, host, port, members, durableStore, null, DEFAULT_FAILURE_DETECTION_SECONDS);
  }

  public ClusterMemberOptions {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(host, "host");
    members = List.copyOf(members);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("cluster port must be within 0..65535, was " + port);
    }
    if (failureDetectionSeconds < MIN_FAILURE_DETECTION_SECONDS) {
      throw new IllegalArgumentException("failure detection must be at least " + MIN_FAILURE_DETECTION_SECONDS
          + " s, was " + failureDetectionSeconds);
    }
    if (kubernetesServiceDns != null && kubernetesServiceDns.isBlank()) {
      throw new IllegalArgumentException("the Kubernetes service DNS name must not be blank");
    }
  }
}
