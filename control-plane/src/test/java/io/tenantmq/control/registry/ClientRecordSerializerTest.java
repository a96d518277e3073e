package io.tenantmq.control.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import io.tenantmq.control.testing.EmbeddedMember;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registry records travel in Compact form: every field survives, and the form is a fraction of Java serialization's. */
class ClientRecordSerializerTest {

  static EmbeddedMember member;

  @BeforeAll
  static void start() {
    member = new EmbeddedMember("compact-test");
  }

  @AfterAll
  static void stop() {
    member.close();
  }

  @Test
  void aRecordWithEveryFieldSetComesBackEqualAndSmall() {
    long[] received = new long[PacketCounter.size()];
    long[] sent = new long[PacketCounter.size()];
    received[PacketCounter.BYTES.ordinal()] = 1234;
    sent[PacketCounter.PUBLISH_QOS1.ordinal()] = 7;
    ClientRecord record = new ClientRecord("mqtt-1", "GID_a@@@dev-1", "node-a", "0123456789abcdef0123456789abcdef",
        "[::1]:5000", 5, 30, false, 3600, "alice", "GID_a", ClientState.DISCONNECTED, 1, 2, 3,
        Map.of("a/+", 1, "$share/g/b/#", 2), new TrafficCounters(received, sent));
    SerializationService serialization = ((SerializationServiceSupport) member.hazelcast).getSerializationService();
    Data data = serialization.toData(record);
    assertThat((ClientRecord) serialization.toObject(data)).isEqualTo(record);
    assertThat(data.totalSize()).isLessThan(600);

    ClientRecord sparse = new ClientRecord("mqtt-1", "c", "node-a", "ch", null, 4, 0, true, 0, null, null,
        ClientState.CONNECTED, 0, 0, 0, null, null);
    assertThat((ClientRecord) serialization.toObject(serialization.toData(sparse))).isEqualTo(sparse);
  }
}
