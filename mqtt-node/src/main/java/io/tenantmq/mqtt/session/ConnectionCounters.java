package io.tenantmq.mqtt.session;

import io.tenantmq.control.registry.PacketCounter;
import io.tenantmq.control.registry.TrafficCounters;
import io.tenantmq.mqtt.metrics.InstanceMetrics;

/**
 * The counters of one connection, by {@link PacketCounter}, in each direction. Packet sizes are computed from the
 * packet's fields (Vert.x MQTT does not expose the bytes), exactly for MQTT 3 and without properties for MQTT 5.
 * Every count also goes to the instance's {@link InstanceMetrics} on this node.
 *
 * <p>Owned by: the session's context.
 */
final class ConnectionCounters {

  private final long[] received = new long[PacketCounter.size()];
  private final long[] sent = new long[PacketCounter.size()];
  private final InstanceMetrics instance;
  private boolean dirty;

  ConnectionCounters(InstanceMetrics instance) {
    this.instance = instance;
  }

  void received(PacketCounter counter, int bytes) {
    instance.received(counter, bytes);
    received[counter.ordinal()]++;
    received[PacketCounter.PACKETS.ordinal()]++;
    received[PacketCounter.BYTES.ordinal()] += bytes;
    dirty = true;
  }

  void sent(PacketCounter counter, int bytes) {
    instance.sent(counter, bytes);
    sent[counter.ordinal()]++;
    sent[PacketCounter.PACKETS.ordinal()]++;
    sent[PacketCounter.BYTES.ordinal()] += bytes;
    dirty = true;
  }

  void dropped() {
    instance.dropped();
    sent[PacketCounter.DROPPED.ordinal()]++;
    dirty = true;
  }

  /** True once after any change: whether the registry needs a fresh snapshot. */
  boolean takeDirty() {
    boolean was = dirty;
    dirty = false;
    return was;
  }

  TrafficCounters snapshot() {
    return new TrafficCounters(received, sent);
  }

  /** Size of a PUBLISH packet on the wire: fixed header, topic, packet id, payload. */
  static int publishSize(String topic, int qos, int payloadLength, boolean mqtt5) {
    int remaining = 2 + utf8Length(topic) + (qos > 0 ? 2 : 0) + payloadLength + (mqtt5 ? 1 : 0);
    return 1 + varIntSize(remaining) + remaining;
  }

  static int utf8Length(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c)) {
          bytes += 2; // with its low surrogate: 4 bytes for 2 chars
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }

  static int varIntSize(int value) {
    return value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : 4;
  }
}
