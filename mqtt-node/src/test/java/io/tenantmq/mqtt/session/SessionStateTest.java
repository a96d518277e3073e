package io.tenantmq.mqtt.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.mqtt.qos.Inflight;
import io.tenantmq.mqtt.qos.Outbound;
import io.tenantmq.mqtt.route.Message;
import io.tenantmq.mqtt.subscription.SubscriptionOptions;
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

  /** What versions before subscription options stored: the encoding without its options section. */
  static Buffer withoutOptions(SessionState state) {
    Buffer full = state.encode();
    int section = 8 + 4 * (state.inflight().size() + state.pending().size()); // mark, count 0, no identifiers
    return full.getBuffer(0, full.length() - section);
  }

  @Test
  void subscriptionOptionsAndIdentifiersSurviveEncoding() {
    Outbound withIds = outbound("ids", 5_000).withSubscriptionIds(new int[] {3, 268_435_455});
    SessionState state = new SessionState(1_000, Map.of("t/#", 1, "u/+", 2, "v", 0),
        List.of(new Inflight(8, withIds, true)), List.of(outbound("q", 6_000), withIds), Set.of(),
        Map.of("t/#", SubscriptionOptions.of(true, true, 2, 42), "u/+", SubscriptionOptions.of(false, false, 1, 0)));

    SessionState decoded = SessionState.decode(state.encode());

    assertThat(decoded.options("t/#")).isEqualTo(new SubscriptionOptions(true, true, 2, 42));
    assertThat(decoded.options("u/+")).isEqualTo(new SubscriptionOptions(false, false, 1, 0));
    assertThat(decoded.options("v")).isSameAs(SubscriptionOptions.DEFAULT);
    assertThat(decoded.inflight().get(0).outbound().subscriptionIds()).containsExactly(3, 268_435_455);
    assertThat(decoded.inflight().get(0).released()).isTrue();
    assertThat(decoded.pending()).extracting(o -> o.subscriptionIds().length).containsExactly(0, 2);
    assertThat(decoded.pending()).extracting(Outbound::insertedAtMillis).containsExactly(6_000L, 5_000L);
  }

  @Test
  void aSessionStoredBeforeSubscriptionOptionsExistedDecodesWithDefaults() {
    SessionState decoded = SessionState.decode(withoutOptions(state()));
    assertThat(decoded.subscriptions()).containsEntry("t/#", 1);
    assertThat(decoded.options("t/#")).isSameAs(SubscriptionOptions.DEFAULT);
    assertThat(decoded.pending()).extracting(Outbound::insertedAtMillis).containsExactly(3_000L, 4_000L);
    assertThat(decoded.pending()).extracting(o -> o.subscriptionIds().length).containsExactly(0, 0);
  }

  @Test
  void aSessionStoredBeforeInsertionTimesExistedDecodesWithItsCreationTime() {
    Buffer full = withoutOptions(state());
    Buffer old = full.getBuffer(0, full.length() - 3 * 8); // without the trailing section
    SessionState decoded = SessionState.decode(old);
    assertThat(decoded.inflight()).extracting(i -> i.outbound().insertedAtMillis()).containsExactly(1_000L);
    assertThat(decoded.pending()).extracting(Outbound::insertedAtMillis).containsExactly(1_000L, 1_000L);
    assertThat(decoded.subscriptions()).containsEntry("t/#", 1);
  }
}
