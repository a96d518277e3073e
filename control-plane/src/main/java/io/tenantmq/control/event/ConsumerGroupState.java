package io.tenantmq.control.event;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The offsets of one consumer group (of one consumer, for broadcasting). Immutable: the entry processors that change
 * a group compute the next state from this one, the same on the primary and the backup.
 *
 * @param instanceId  the instance whose stream the group reads (an attribute, so an instance's groups can be found)
 * @param cursor      the next stream offset to hand out; everything before it was delivered or filtered out
 * @param nextLeaseId the id the next lease gets
 * @param leases      delivered and not yet acknowledged, oldest first
 */
record ConsumerGroupState(String instanceId, long cursor, long nextLeaseId, List<Lease> leases) implements Serializable {

  ConsumerGroupState {
    leases = List.copyOf(leases);
  }

  static ConsumerGroupState startingAt(String instanceId, long cursor) {
    return new ConsumerGroupState(instanceId, cursor, 1, List.of());
  }

  /** Everything before it is acknowledged or filtered out: the lowest unacknowledged offset, else the cursor. */
  long committed() {
    long lowest = cursor;
    for (Lease lease : leases) {
      lowest = Math.min(lowest, lease.offsets()[0]);
    }
    return lowest;
  }

  /** How many delivered offsets wait for their acknowledgement. */
  int unacked() {
    int count = 0;
    for (Lease lease : leases) {
      count += lease.offsets().length;
    }
    return count;
  }

  /** The earliest deadline of a lease that has not expired by {@code nowMillis}, or {@link Long#MAX_VALUE}. */
  long nextExpiry(long nowMillis) {
    long next = Long.MAX_VALUE;
    for (Lease lease : leases) {
      if (!lease.expired(nowMillis)) {
        next = Math.min(next, lease.deadlineMillis());
      }
    }
    return next;
  }

  /** The group after the range up to {@code nextCursor} was handed out, {@code offsets} of it in one new lease. */
  ConsumerGroupState claim(long nextCursor, long[] offsets, long nonce, long deadlineMillis) {
    if (offsets.length == 0) {
      return new ConsumerGroupState(instanceId, nextCursor, nextLeaseId, leases);
    }
    List<Lease> next = new ArrayList<>(leases.size() + 1);
    next.addAll(leases);
    next.add(new Lease(nextLeaseId, nonce, offsets, deadlineMillis, 1));
    return new ConsumerGroupState(instanceId, nextCursor, nextLeaseId + 1, next);
  }

  /**
   * The group after up to {@code max} offsets of expired leases were leased again (new ids and nonces derived from
   * {@code nonce}, one more delivery); {@code relent} receives the new leases.
   */
  ConsumerGroupState relend(long nowMillis, int max, long nonce, long deadlineMillis, List<Lease> relent) {
    List<Lease> next = new ArrayList<>(leases.size());
    long id = nextLeaseId;
    int budget = max;
    for (Lease lease : leases) {
      if (budget == 0 || !lease.expired(nowMillis)) {
        next.add(lease);
        continue;
      }
      long[] offsets = lease.offsets();
      int taken = Math.min(budget, offsets.length);
      long[] again = java.util.Arrays.copyOf(offsets, taken);
      Lease fresh = new Lease(id, nonce ^ (id * 0x9E3779B97F4A7C15L), again, deadlineMillis, lease.deliveryCount() + 1);
      id++;
      relent.add(fresh);
      next.add(fresh);
      if (taken < offsets.length) {
        // the rest stays expired under its old lease, for the next pull
        next.add(new Lease(lease.id(), lease.nonce(), java.util.Arrays.copyOfRange(offsets, taken, offsets.length),
            lease.deadlineMillis(), lease.deliveryCount()));
      }
      budget -= taken;
    }
    if (relent.isEmpty()) {
      return this;
    }
    return new ConsumerGroupState(instanceId, cursor, id, next);
  }

  /**
   * The group after the handles were acknowledged at {@code nowMillis}; {@code acked} counts the handles that were
   * live (leased, not expired, not acknowledged before).
   */
  ConsumerGroupState ack(List<ReceiptHandle> handles, long nowMillis, int[] acked) {
    List<Lease> next = new ArrayList<>(leases);
    for (ReceiptHandle handle : handles) {
      for (int i = 0; i < next.size(); i++) {
        Lease lease = next.get(i);
        if (lease.id() == handle.leaseId()) {
          if (lease.nonce() == handle.nonce() && !lease.expired(nowMillis) && lease.holds(handle.offset())) {
            Lease rest = lease.without(handle.offset());
            if (rest == null) {
              next.remove(i);
            } else {
              next.set(i, rest);
            }
            acked[0]++;
          }
          break;
        }
      }
    }
    return acked[0] == 0 ? this : new ConsumerGroupState(instanceId, cursor, nextLeaseId, next);
  }
}
