package io.tenantmq.control.event;

import com.hazelcast.map.EntryProcessor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The only writers of consumer group entries: each change is one entry processor, atomic on the key's partition
 * owner whichever member asks. Deterministic (the caller passes the clock and the random nonce), so the backup
 * applying the same processor to the same state ends up with the same entry.
 */
final class ConsumerGroupProcessors {

  private ConsumerGroupProcessors() {
  }

  /**
   * What a pull starts from: the group's cursor and committed offset, the expired leases leased again, and when the
   * next lease expires. {@code needsStart} when the group is new and the caller did not say where it starts.
   */
  record Prepared(boolean needsStart, long cursor, long committed, List<Lease> relent, long nextExpiry, int unacked)
      implements Serializable {
  }

  /** Opens the group at {@code start} if it is new ({@code start} -1: only report that it is), then re-leases. */
  record Prepare(long start, long nowMillis, int max, long nonce, long deadlineMillis)
      implements EntryProcessor<ConsumerGroupKey, ConsumerGroupState, Prepared> {
    @Override
    public Prepared process(Map.Entry<ConsumerGroupKey, ConsumerGroupState> entry) {
      ConsumerGroupState state = entry.getValue();
      if (state == null) {
        if (start < 0) {
          return new Prepared(true, -1, -1, List.of(), Long.MAX_VALUE, 0);
        }
        state = ConsumerGroupState.startingAt(entry.getKey().instanceId(), start);
        entry.setValue(state);
      }
      List<Lease> relent = new ArrayList<>();
      ConsumerGroupState next = state.relend(nowMillis, max, nonce, deadlineMillis, relent);
      if (next != state) {
        entry.setValue(next);
      }
      return new Prepared(false, next.cursor(), next.committed(), relent, next.nextExpiry(nowMillis), next.unacked());
    }
  }

  /** The outcome of a claim: whether the cursor was still where the claimer read from, and the group's committed offset. */
  record Claimed(boolean claimed, long leaseId, long committed) implements Serializable {
  }

  /**
   * Hands out the range from {@code expectedCursor} to {@code nextCursor}, {@code offsets} of it leased: only when no
   * other consumer of the group moved the cursor meanwhile (compare-and-set).
   */
  record Claim(long expectedCursor, long nextCursor, long[] offsets, long nonce, long deadlineMillis)
      implements EntryProcessor<ConsumerGroupKey, ConsumerGroupState, Claimed> {
    @Override
    public Claimed process(Map.Entry<ConsumerGroupKey, ConsumerGroupState> entry) {
      ConsumerGroupState state = entry.getValue();
      if (state == null || state.cursor() != expectedCursor) {
        return new Claimed(false, -1, state == null ? -1 : state.committed());
      }
      ConsumerGroupState next = state.claim(nextCursor, offsets, nonce, deadlineMillis);
      entry.setValue(next);
      return new Claimed(true, state.nextLeaseId(), next.committed());
    }
  }

  /** Acknowledges handles of this group; answers how many were live. */
  record Ack(List<ReceiptHandle> handles, long nowMillis)
      implements EntryProcessor<ConsumerGroupKey, ConsumerGroupState, Integer> {
    @Override
    public Integer process(Map.Entry<ConsumerGroupKey, ConsumerGroupState> entry) {
      ConsumerGroupState state = entry.getValue();
      if (state == null) {
        return 0;
      }
      int[] acked = new int[1];
      ConsumerGroupState next = state.ack(handles, nowMillis, acked);
      if (next != state) {
        entry.setValue(next);
      }
      return acked[0];
    }
  }
}
