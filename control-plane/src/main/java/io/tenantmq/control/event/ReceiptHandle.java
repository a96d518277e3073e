package io.tenantmq.control.event;

import java.io.Serializable;

/**
 * What a receipt handle says: which kind of group (its offsets are found under the consumer id for broadcasting),
 * which lease, the lease's nonce and the offset. A handle only ever acknowledges in the group of the instance the
 * request names, and without the lease's random nonce it acknowledges nothing, so handles cannot be guessed.
 */
record ReceiptHandle(boolean broadcasting, long leaseId, long nonce, long offset) implements Serializable {

  String encode() {
    return (broadcasting ? "b" : "c") + Long.toString(leaseId, 36) + "." + Long.toUnsignedString(nonce, 36) + "."
        + Long.toString(offset, 36);
  }

  /** Null for a string that is no handle. */
  static ReceiptHandle parse(String text) {
    if (text == null || text.length() < 6 || text.length() > 64 || (text.charAt(0) != 'b' && text.charAt(0) != 'c')) {
      return null;
    }
    String[] parts = text.substring(1).split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      long offset = Long.parseLong(parts[2], 36);
      long leaseId = Long.parseLong(parts[0], 36);
      return offset < 0 || leaseId < 0 ? null
          : new ReceiptHandle(text.charAt(0) == 'b', leaseId, Long.parseUnsignedLong(parts[1], 36), offset);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
