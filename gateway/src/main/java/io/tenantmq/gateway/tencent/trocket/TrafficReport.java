package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.registry.PacketCounter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A {@code StatisticsReport} ({@code {Bytes, Items:[{MessageType, Qos, Count}]}}) of one direction of a connection's
 * counters. MessageType is the MQTT control packet's name in upper case, as the cloud's example shows; PUBLISH is
 * split by QoS, every other packet has Qos 0. Packet types never seen are left out.
 */
final class TrafficReport {

  private TrafficReport() {
  }

  /** {@code counters} indexed by {@link PacketCounter#ordinal()}. */
  static JsonObject of(long[] counters) {
    JsonArray items = new JsonArray();
    for (PacketCounter counter : PacketCounter.values()) {
      long count = counters[counter.ordinal()];
      if (count == 0 || counter == PacketCounter.PACKETS || counter == PacketCounter.BYTES
          || counter == PacketCounter.DROPPED) {
        continue;
      }
      items.add(new JsonObject().put("MessageType", messageType(counter)).put("Qos", qos(counter)).put("Count", count));
    }
    return new JsonObject().put("Bytes", counters[PacketCounter.BYTES.ordinal()]).put("Items", items);
  }

  private static String messageType(PacketCounter counter) {
    return switch (counter) {
      case PUBLISH_QOS0, PUBLISH_QOS1, PUBLISH_QOS2 -> "PUBLISH";
      default -> counter.name();
    };
  }

  private static int qos(PacketCounter counter) {
    return switch (counter) {
      case PUBLISH_QOS1 -> 1;
      case PUBLISH_QOS2 -> 2;
      default -> 0;
    };
  }
}
