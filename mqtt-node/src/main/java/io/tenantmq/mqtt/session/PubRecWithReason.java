package io.tenantmq.mqtt.session;

import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageFactory;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.messages.codes.MqttPubRecReasonCode;

/**
 * An MQTT 5 PUBREC with a reason code. vertx-mqtt 5.1.1's {@code publishReceived(id, reasonCode, properties)} drops
 * the code (it builds the packet with a {@code MqttMessageIdAndPropertiesVariableHeader}, which Netty encodes as a bare
 * packet id, i.e. "success"), so this writes the packet Netty does encode with its code, on the endpoint's own
 * connection. Owned by: the connection's event loop, like every write to it.
 */
final class PubRecWithReason {

  private PubRecWithReason() {
  }

  /** Sends PUBREC {@code reason}; false when this vertx-mqtt has no connection field to send it on. */
  static boolean send(MqttEndpoint ep, int packetId, MqttPubRecReasonCode reason) {
    return send(ep, packetId, reason, MqttProperties.NO_PROPERTIES);
  }

  /** Sends PUBREC {@code reason} with {@code properties} (a Reason String); false as {@link #send(MqttEndpoint, int, MqttPubRecReasonCode)}. */
  static boolean send(MqttEndpoint ep, int packetId, MqttPubRecReasonCode reason, MqttProperties properties) {
    return sendReply(ep, MqttMessageType.PUBREC, packetId, reason.value(), properties);
  }

  /**
   * Sends PUBREC, PUBREL or PUBCOMP with {@code reason}: vertx-mqtt drops the code of all three alike (PUBREL and
   * PUBCOMP say 0x92 Packet Identifier not found this way). False when the connection cannot be reached.
   */
  static boolean sendReply(MqttEndpoint ep, MqttMessageType type, int packetId, byte reason, MqttProperties properties) {
    NetSocketInternal connection = EndpointChannel.of(ep);
    if (connection == null) {
      return false;
    }
    // [MQTT-3.6.1-1] PUBREL's fixed header flags are 0010
    MqttQoS flags = type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
    connection.writeMessage(MqttMessageFactory.newMessage(new MqttFixedHeader(type, false, flags, false, 0),
        new MqttPubReplyMessageVariableHeader(packetId, reason, properties), null));
    return true;
  }
}
