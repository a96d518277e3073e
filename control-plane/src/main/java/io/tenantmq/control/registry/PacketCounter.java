package io.tenantmq.control.registry;

/** What a connection counts, in each direction. Indexes into {@link TrafficCounters}. */
public enum PacketCounter {
  /** Every MQTT control packet. */
  PACKETS,
  /** Bytes of MQTT packets (fixed header included). */
  BYTES,
  CONNECT,
  CONNACK,
  PUBLISH_QOS0,
  PUBLISH_QOS1,
  PUBLISH_QOS2,
  PUBACK,
  PUBREC,
  PUBREL,
  PUBCOMP,
  SUBSCRIBE,
  SUBACK,
  UNSUBSCRIBE,
  UNSUBACK,
  PINGREQ,
  PINGRESP,
  DISCONNECT,
  AUTH,
  /** Messages dropped instead of sent (queue full, expired); only counted in the sent direction. */
  DROPPED;

  private static final PacketCounter[] VALUES = values();

  public static int size() {
    return VALUES.length;
  }

  public static PacketCounter publish(int qos) {
    return switch (qos) {
      case 0 -> PUBLISH_QOS0;
      case 1 -> PUBLISH_QOS1;
      default -> PUBLISH_QOS2;
    };
  }
}
