package io.tenantmq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.PacketCounter;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticClientsTest {

  final SyntheticClients clients = new SyntheticClients(List.of("i-a", "i-b", "i-c"), "node-1", 1_000L);

  @Test
  void clientsAreSpreadRoundRobinWithUniqueIdsAndChannels() {
    Set<String> keys = new HashSet<>();
    Set<String> channels = new HashSet<>();
    for (int n = 0; n < 3_000; n++) {
      ClientRecord r = clients.record(n);
      assertThat(r.instanceId()).isEqualTo(List.of("i-a", "i-b", "i-c").get(n % 3));
      assertThat(r.clientId()).isEqualTo(SyntheticClients.clientId(n));
      keys.add(r.key().toString());
      channels.add(r.channelId());
    }
    assertThat(keys).hasSize(3_000);
    assertThat(channels).hasSize(3_000).allMatch(c -> c.matches("[0-9a-f]{32}"));
  }

  @Test
  void recordLooksLikeAConnectedClientWithConsistentCounters() {
    ClientRecord r = clients.record(70_001);
    assertThat(r.connected()).isTrue();
    assertThat(r.node()).isEqualTo("node-1");
    assertThat(r.address()).matches("10\\.\\d+\\.\\d+\\.\\d+:\\d+");
    assertThat(r.subscriptions()).containsOnlyKeys("devices/70001/cmd", "broadcast/#");
    // the packet total in each direction is the sum of the per-type counts, as a real connection's is
    Set<PacketCounter> notPackets = EnumSet.of(PacketCounter.PACKETS, PacketCounter.BYTES, PacketCounter.DROPPED);
    long received = 0;
    long sent = 0;
    for (PacketCounter c : PacketCounter.values()) {
      if (!notPackets.contains(c)) {
        received += r.counters().received(c);
        sent += r.counters().sent(c);
      }
    }
    assertThat(r.counters().received(PacketCounter.PACKETS)).isEqualTo(received).isPositive();
    assertThat(r.counters().sent(PacketCounter.PACKETS)).isEqualTo(sent).isPositive();
    assertThat(r.counters().received(PacketCounter.BYTES)).isPositive();
  }
}
