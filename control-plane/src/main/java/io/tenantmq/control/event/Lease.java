package io.tenantmq.control.event;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Offsets handed to a consumer in one delivery and not acknowledged yet, hidden from the group's other consumers
 * until {@code deadlineMillis}. A lease, not each event, carries the deadline and the nonce, so a pull of 32 events
 * stores one small object.
 *
 * @param id            unique within the group, never reused
 * @param nonce         random, part of every receipt handle of the lease: a new lease (a redelivery) has a new one,
 *                      so the handles of an earlier delivery stop working
 * @param offsets       ascending, each still unacknowledged; never empty
 * @param deliveryCount how often these offsets have been delivered
 */
record Lease(long id, long nonce, long[] offsets, long deadlineMillis, int deliveryCount) implements Serializable {

  boolean expired(long nowMillis) {
    return deadlineMillis <= nowMillis;
  }

  boolean holds(long offset) {
    return Arrays.binarySearch(offsets, offset) >= 0;
  }

  /** This lease without {@code offset}; null when nothing is left. */
  Lease without(long offset) {
    if (offsets.length == 1) {
      return null;
    }
    int at = Arrays.binarySearch(offsets, offset);
    long[] rest = new long[offsets.length - 1];
    System.arraycopy(offsets, 0, rest, 0, at);
    System.arraycopy(offsets, at + 1, rest, at, rest.length - at);
    return new Lease(id, nonce, rest, deadlineMillis, deliveryCount);
  }

  String receiptHandle(boolean broadcasting, long offset) {
    return new ReceiptHandle(broadcasting, id, nonce, offset).encode();
  }
}
