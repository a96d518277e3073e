package io.tenantmq.mqtt.session;

import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.mqtt.MqttEndpoint;
import java.lang.reflect.Field;

/**
 * The network connection under a vertx-mqtt endpoint, for the few things vertx-mqtt 5.1.1 offers no API for (a PUBREC
 * with a reason code, changing the keepalive of a live connection). Read from the endpoint's private {@code conn}
 * field; null when this vertx-mqtt has no such field, so callers degrade instead of failing.
 */
final class EndpointChannel {

  private static final Field CONNECTION = connectionField();

  private EndpointChannel() {
  }

  /** The endpoint's connection, or null when it cannot be reached. */
  static NetSocketInternal of(MqttEndpoint ep) {
    if (CONNECTION == null || !CONNECTION.getDeclaringClass().isInstance(ep)) {
      return null;
    }
    try {
      return (NetSocketInternal) CONNECTION.get(ep);
    } catch (IllegalAccessException | ClassCastException e) {
      return null;
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
