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
    NetSocketInternal connection = EndpointChannel.of(ep);
    if (connection == null) {
      return false;
    }
    connection.writeMessage(MqttMessageFactory.newMessage(
        new MqttFixedHeader(MqttMessageType.PUBREC, false, MqttQoS.AT_MOST_ONCE, false, 0),
        new MqttPubReplyMessageVariableHeader(packetId, reason.value(), properties), null));
    return true;
  }
}
