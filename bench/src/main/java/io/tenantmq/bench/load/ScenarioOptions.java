package io.tenantmq.bench.load;

/**
 * The load shape of the one-publisher, one-subscriber scenario.
 *
 * @param windowMessages   most messages published but not yet received by the subscriber; bounds broker queues so the
 *                         load stays sustainable and lossless
 * @param inflightMessages most QoS 1 messages published but not yet PUBACKed (the client's in-flight limit)
 * @param payloadBytes     payload size; the first 16 bytes carry the send time and a sequence number
 */
record ScenarioOptions(int windowMessages, int inflightMessages, int payloadBytes) {

  static final int DEFAULT_WINDOW_MESSAGES = 1000;
  static final int DEFAULT_INFLIGHT_MESSAGES = 100;
  static final int DEFAULT_PAYLOAD_BYTES = 64;

  ScenarioOptions {
    if (windowMessages < 1) {
      throw new IllegalArgumentException("window must be at least 1, was " + windowMessages);
    }
    // packet ids are 16 bit, and the Vert.x client keeps one per in-flight message
    if (inflightMessages < 1 || inflightMessages > 65_535) {
      throw new IllegalArgumentException("in-flight limit must be 1..65535, was " + inflightMessages);
    }
    if (payloadBytes < Payload.HEADER_BYTES) {
      throw new IllegalArgumentException("payload must be at least " + Payload.HEADER_BYTES + " bytes, was " + payloadBytes);
    }
  }
}
