package io.tenantmq.mqtt.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.mqtt.qos.Inflight;
import io.tenantmq.mqtt.qos.Outbound;
import io.tenantmq.mqtt.route.Message;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stored form of a session keeps when each queued and in-flight message was taken in, and still reads older forms. */
class SessionStateTest {

  static Outbound outbound(String payload, long insertedAtMillis) {
    return new Outbound(new Message("i", "t/1", Buffer.buffer(payload), 1, false, null), 1, false, insertedAtMillis);
  }

  static SessionState state() {
    return new SessionState(1_000, Map.of("t/#", 1), List.of(new Inflight(7, outbound("sent", 2_000), false)),
        List.of(outbound("q1", 3_000), outbound("q2", 4_000)), Set.of(9));
  }

  @Test
  void insertionTimesSurviveEncoding() {
    SessionState decoded = SessionState.decode(state().encode());
    assertThat(decoded.inflight()).extracting(i -> i.outbound().insertedAtMillis()).containsExactly(2_000L);
    assertThat(decoded.inflight()).extracting(Inflight::packetId).containsExactly(7);
    assertThat(decoded.pending()).extracting(Outbound::insertedAtMillis).containsExactly(3_000L, 4_000L);
    assertThat(decoded.pending()).extracting(o -> o.message().payload().toString()).containsExactly("q1", "q2");
    assertThat(decoded.qos2Received()).containsExactly(9);
  }

  @Test
  void aSessionStoredBeforeInsertionTimesExistedDecodesWithItsCreationTime() {
    Buffer full = state().encode();
    Buffer old = full.getBuffer(0, full.length() - 3 * 8); // without the trailing section
    SessionState decoded = SessionState.decode(old);
    assertThat(decoded.inflight()).extracting(i -> i.outbound().insertedAtMillis()).containsExactly(1_000L);
    assertThat(decoded.pending()).extracting(Outbound::insertedAtMillis).containsExactly(1_000L, 1_000L);
    assertThat(decoded.subscriptions()).containsEntry("t/#", 1);
  }
}
