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
import java.lang.reflect.Field;

/**
 * An MQTT 5 PUBREC with a reason code. vertx-mqtt 5.1.1's {@code publishReceived(id, reasonCode, properties)} drops
 * the code (it builds the packet with a {@code MqttMessageIdAndPropertiesVariableHeader}, which Netty encodes as a bare
 * packet id, i.e. "success"), so this writes the packet Netty does encode with its code, on the endpoint's own
 * connection. Owned by: the connection's event loop, like every write to it.
 */
final class PubRecWithReason {

  private static final Field CONNECTION = connectionField();

  private PubRecWithReason() {
  }

  /** Sends PUBREC {@code reason}; false when this vertx-mqtt has no connection field to send it on. */
  static boolean send(MqttEndpoint ep, int packetId, MqttPubRecReasonCode reason) {
    if (CONNECTION == null || !CONNECTION.getDeclaringClass().isInstance(ep)) {
      return false;
    }
    try {
      NetSocketInternal connection = (NetSocketInternal) CONNECTION.get(ep);
      connection.writeMessage(MqttMessageFactory.newMessage(
          new MqttFixedHeader(MqttMessageType.PUBREC, false, MqttQoS.AT_MOST_ONCE, false, 0),
          new MqttPubReplyMessageVariableHeader(packetId, reason.value(), MqttProperties.NO_PROPERTIES), null));
      return true;
    } catch (IllegalAccessException | ClassCastException e) {
      return false;
    }
  }

  private static Field connectionField() {
    try {
      Field f = Class.forName("io.vertx.mqtt.impl.MqttEndpointImpl").getDeclaredField("conn");
      f.setAccessible(true);
      return NetSocketInternal.class.isAssignableFrom(f.getType()) ? f : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
