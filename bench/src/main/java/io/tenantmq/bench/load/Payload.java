package io.tenantmq.bench.load;

import io.vertx.core.buffer.Buffer;

/**
 * The message body: send time (System.nanoTime, valid only inside this JVM) in bytes 0-7, sequence number in bytes 8-15,
 * zero padding after that. Publisher and subscriber share one JVM, so the clock is the same on both ends.
 */
final class Payload {
  static final int HEADER_BYTES = 16;

  private Payload() {
  }

  static Buffer allocate(int payloadBytes) {
    return Buffer.buffer(new byte[payloadBytes]);
  }

  static void stamp(Buffer payload, long sentAtNanos, long sequence) {
    payload.setLong(0, sentAtNanos);
    payload.setLong(8, sequence);
  }

  static long sentAtNanos(Buffer payload) {
    return payload.getLong(0);
  }

  static long sequence(Buffer payload) {
    return payload.getLong(8);
  }
}
