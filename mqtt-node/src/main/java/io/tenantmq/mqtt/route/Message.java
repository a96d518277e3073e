package io.tenantmq.mqtt.route;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.core.buffer.Buffer;
import java.util.Objects;

/**
 * An application message on its way from a publisher to subscribers, within one instance.
 *
 * @param retain     the RETAIN flag as published (deliveries set their own flag)
 * @param properties MQTT 5 properties that travel with the message (only those {@link MessageProperties} forwards);
 *                   treated as immutable
 */
public record Message(String instanceId, String topic, Buffer payload, int qos, boolean retain, MqttProperties properties) {
  public Message {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
    }
    properties = properties == null ? MqttProperties.NO_PROPERTIES : properties;
  }
}
