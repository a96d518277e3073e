package io.tenantmq.mqtt.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the options become Hazelcast's join and failure detection settings (starting members is the deploy tests' job). */
class ClusterMemberConfigTest {

  @Test
  void tcpJoinWithTheMemberListAndSixSecondDetectionByDefault() {
    Config c = ClusterMember.hazelcastConfig(new ClusterMemberOptions("c", "n1", "127.0.0.1", 5801,
        List.of("127.0.0.1:5801", "127.0.0.1:5802")));
    JoinConfig join = c.getNetworkConfig().getJoin();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5801", "127.0.0.1:5802");
    assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
    assertThat(c.getProperty("hazelcast.heartbeat.interval.seconds")).isEqualTo("1");
    assertThat(c.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("6");
  }

  @Test
  void kubernetesJoinLooksUpTheServiceOnTheMembersOwnPortInsteadOfTcp() {
    Config c = ClusterMember.hazelcastConfig(new ClusterMemberOptions("c", "pod-0", "10.0.0.7", 5701, List.of(),
        null, "tenantmq-hz.mqtt.svc.cluster.local", 3));
    JoinConfig join = c.getNetworkConfig().getJoin();
    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getKubernetesConfig().getProperty("service-dns")).isEqualTo("tenantmq-hz.mqtt.svc.cluster.local");
    assertThat(join.getKubernetesConfig().getProperty("service-port")).isEqualTo("5701");
    assertThat(c.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("3");
  }

  @Test
  void detectionShorterThanTwoHeartbeatsIsRefused() {
    assertThatThrownBy(() -> new ClusterMemberOptions("c", "n", "127.0.0.1", 0, List.of(), null, null, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 s");
  }
}
