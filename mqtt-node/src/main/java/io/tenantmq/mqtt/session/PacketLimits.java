package io.tenantmq.mqtt.session;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.tenantmq.mqtt.MqttNodeOptions;
import io.vertx.mqtt.MqttEndpoint;
import java.util.Set;

/**
 * The packet limits of one connection, read once from its CONNECT: what the client allows the server to send it
 * (Maximum Packet Size, Request Problem Information) and how many unacknowledged QoS 1/2 PUBLISHes the server allows
 * the client (its Receive Maximum, announced in CONNACK). MQTT 3 connections have none of these: {@link #NONE}.
 *
 * <p>Immutable; used on the connection's event loop.
 */
final class PacketLimits {

  /** No limits: an MQTT 3 client, or a session adopted without connection. */
  static final PacketLimits NONE = new PacketLimits(false, Integer.MAX_VALUE, false, Integer.MAX_VALUE);

  private static final int REASON_STRING_ID = MqttPropertyType.REASON_STRING.value();

  private final boolean mqtt5;
  /** The largest packet the client accepts, whole (fixed header included); MAX_VALUE when it set none. */
  private final int clientMaxPacketSize;
  /** The client wants reason strings on acknowledgements (Request Problem Information, default 1). */
  private final boolean problemInformation;
  /** The server's Receive Maximum: unacknowledged QoS 1/2 PUBLISHes the client may have open. */
  private final int receiveMaximum;

  private PacketLimits(boolean mqtt5, int clientMaxPacketSize, boolean problemInformation, int receiveMaximum) {
    this.mqtt5 = mqtt5;
    this.clientMaxPacketSize = clientMaxPacketSize;
    this.problemInformation = problemInformation;
    this.receiveMaximum = receiveMaximum;
  }

  static PacketLimits of(MqttEndpoint ep, MqttNodeOptions options) {
    if (ep.protocolVersion() < 5) {
      return NONE;
    }
    MqttProperties props = ep.connectProperties();
    int maxPacketSize = intProperty(props, MqttPropertyType.MAXIMUM_PACKET_SIZE, Integer.MAX_VALUE);
    return new PacketLimits(true, maxPacketSize <= 0 ? Integer.MAX_VALUE : maxPacketSize,
        intProperty(props, MqttPropertyType.REQUEST_PROBLEM_INFORMATION, 1) != 0, options.getReceiveMaximum());
  }

  static int intProperty(MqttProperties props, MqttPropertyType type, int absent) {
    MqttProperty<?> p = props == null ? null : props.getProperty(type.value());
    return p == null ? absent : (Integer) p.value();
  }

  static String stringProperty(MqttProperties props, MqttPropertyType type) {
    MqttProperty<?> p = props == null ? null : props.getProperty(type.value());
    return p == null ? null : String.valueOf(p.value());
  }

  int clientMaxPacketSize() {
    return clientMaxPacketSize;
  }

  /**
   * Whether a PUBLISH of these fields fits the client's Maximum Packet Size [MQTT-3.1.2-24], counting a Topic Alias
   * property if {@code mayAddAlias} (the full topic is counted even where an alias would replace it: never too big).
   * Arithmetic only when the client set no maximum.
   */
  boolean fitsPublish(String topic, int payloadLength, int qos, MqttProperties props, boolean mayAddAlias) {
    if (clientMaxPacketSize == Integer.MAX_VALUE) {
      return true;
    }
    int remaining = 2 + ConnectionCounters.utf8Length(topic) + (qos > 0 ? 2 : 0) + payloadLength;
    if (mqtt5) {
      int p = propertiesLength(props) + (mayAddAlias ? 3 : 0);
      remaining += ConnectionCounters.varIntSize(p) + p;
    }
    return packetSize(remaining) <= clientMaxPacketSize;
  }

  /**
   * A Reason String for an acknowledgement (PUBACK, PUBREC, SUBACK, UNSUBACK) whose packet without properties has
   * {@code remainingWithoutProperties} bytes after its fixed header; none when the client asked for no problem
   * information [MQTT-3.1.2-29] or when it would make the packet larger than the client allows [MQTT-3.4.2-2,
   * MQTT-3.5.2-2, MQTT-3.9.2-1, MQTT-3.11.2-1].
   */
  MqttProperties ackReason(String reason, int remainingWithoutProperties) {
    return problemInformation ? reason(reason, remainingWithoutProperties) : MqttProperties.NO_PROPERTIES;
  }

  /** A Reason String for DISCONNECT, which Request Problem Information does not cover, if it fits [MQTT-3.14.2-3]. */
  MqttProperties disconnectReason(String reason) {
    return reason(reason, 1);
  }

  private MqttProperties reason(String reason, int remainingWithoutProperties) {
    if (!mqtt5 || reason == null) {
      return MqttProperties.NO_PROPERTIES;
    }
    int p = 3 + ConnectionCounters.utf8Length(reason);
    if (packetSize(remainingWithoutProperties + ConnectionCounters.varIntSize(p) + p) > clientMaxPacketSize) {
      return MqttProperties.NO_PROPERTIES;
    }
    MqttProperties props = new MqttProperties();
    props.add(new MqttProperties.StringProperty(REASON_STRING_ID, reason));
    return props;
  }

  /**
   * Whether a QoS {@code qos} PUBLISH with {@code packetId} would be one more unacknowledged PUBLISH than the server's
   * Receive Maximum allows [MQTT-3.3.4-8, -9]. QoS 1 is acknowledged as it arrives, so the open ones are the QoS 2 flows
   * without PUBCOMP ({@code qos2Open}); a resent QoS 2 PUBLISH of an open flow is not a new one.
   */
  boolean receiveMaximumExceeded(int qos, int packetId, Set<Integer> qos2Open) {
    if (qos == 0 || qos2Open.size() < receiveMaximum) {
      return false;
    }
    return qos == 1 || !qos2Open.contains(packetId);
  }

  private static int packetSize(int remaining) {
    return 1 + ConnectionCounters.varIntSize(remaining) + remaining;
  }

  /** The encoded length of {@code props} (without its own length prefix). */
  static int propertiesLength(MqttProperties props) {
    if (props == null || props.isEmpty()) {
      return 0;
    }
    int length = 0;
    for (MqttProperty<?> p : props.listAll()) {
      int id = p.propertyId();
      if (p instanceof MqttProperties.UserProperties up) {
        for (MqttProperties.StringPair pair : up.value()) {
          length += 1 + 2 + ConnectionCounters.utf8Length(pair.key) + 2 + ConnectionCounters.utf8Length(pair.value);
        }
      } else if (p instanceof MqttProperties.StringProperty sp) {
        length += 1 + 2 + ConnectionCounters.utf8Length(sp.value());
      } else if (p instanceof MqttProperties.BinaryProperty bp) {
        length += 1 + 2 + (bp.value() == null ? 0 : bp.value().length);
      } else if (p instanceof MqttProperties.IntegerProperty ip) {
        length += 1 + integerLength(id, ip.value());
      }
    }
    return length;
  }

  private static int integerLength(int id, int value) {
    MqttPropertyType type = MqttPropertyType.valueOf(id);
    return switch (type) {
      case PAYLOAD_FORMAT_INDICATOR, REQUEST_PROBLEM_INFORMATION, REQUEST_RESPONSE_INFORMATION, MAXIMUM_QOS,
           RETAIN_AVAILABLE, WILDCARD_SUBSCRIPTION_AVAILABLE, SUBSCRIPTION_IDENTIFIER_AVAILABLE,
           SHARED_SUBSCRIPTION_AVAILABLE -> 1;
      case SERVER_KEEP_ALIVE, RECEIVE_MAXIMUM, TOPIC_ALIAS_MAXIMUM, TOPIC_ALIAS -> 2;
      case SUBSCRIPTION_IDENTIFIER -> ConnectionCounters.varIntSize(value);
      default -> 4;
    };
  }
}
