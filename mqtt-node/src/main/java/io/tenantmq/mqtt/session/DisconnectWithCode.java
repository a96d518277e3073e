package io.tenantmq.mqtt.session;

import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageFactory;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.mqtt.MqttEndpoint;

/**
 * An MQTT 5 DISCONNECT with a reason code vertx-mqtt 5.1.1's {@code MqttDisconnectReasonCode} lacks (0x8C Bad
 * authentication method), written on the endpoint's own connection; the caller closes the endpoint after it.
 * Owned by: the connection's event loop, like every write to it.
 */
final class DisconnectWithCode {

  /** 0x8C: the connection uses an authentication method the server does not support. */
  static final byte BAD_AUTHENTICATION_METHOD = (byte) 0x8C;

  private DisconnectWithCode() {
  }

  /** Sends DISCONNECT {@code code}; false when this vertx-mqtt has no connection field to send it on. */
  static boolean send(MqttEndpoint ep, byte code, MqttProperties properties) {
    NetSocketInternal connection = EndpointChannel.of(ep);
    if (connection == null) {
      return false;
    }
    connection.writeMessage(MqttMessageFactory.newMessage(
        new MqttFixedHeader(MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE, false, 0),
        new MqttReasonCodeAndPropertiesVariableHeader(code, properties), null));
    return true;
  }
}
