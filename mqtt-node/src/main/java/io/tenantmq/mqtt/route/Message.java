package io.tenantmq.mqtt.route;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.core.buffer.Buffer;
import java.util.Objects;

/**
 * An application message on its way from a publisher to subscribers, within one instance.
 *
 * @param retain          the RETAIN flag as published (deliveries set their own flag)
 * @param properties      MQTT 5 properties that travel with the message (only those {@link MessageProperties}
 *                        forwards); treated as immutable. The Message Expiry Interval in them is the one published: a
 *                        delivery sends what is left of it ({@link #remainingExpirySeconds})
 * @param publisher       the client id of the connection that published it (a will's too), for No Local; null when the
 *                        server or an operator published it
 * @param expiresAtMillis when the Message Expiry Interval ends [MQTT-3.3.2-5]; 0: never
 */
public record Message(String instanceId, String topic, Buffer payload, int qos, boolean retain, MqttProperties properties,
                      String publisher, long expiresAtMillis) {
  public Message {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
    }
    properties = properties == null ? MqttProperties.NO_PROPERTIES : properties;
  }

  /** A message of no client that never expires. */
  public Message(String instanceId, String topic, Buffer payload, int qos, boolean retain, MqttProperties properties) {
    this(instanceId, topic, payload, qos, retain, properties, null, 0);
  }

  /**
   * A message {@code publisher} sent at {@code nowMillis}; it expires when its properties' Message Expiry Interval says.
   */
  public static Message published(String instanceId, String topic, Buffer payload, int qos, boolean retain,
                                  MqttProperties properties, String publisher, long nowMillis) {
    MqttProperties forwarded = MessageProperties.forwardable(properties);
    return new Message(instanceId, topic, payload, qos, retain, forwarded, publisher,
        MessageProperties.expiresAt(forwarded, nowMillis));
  }

  /** Whether its Message Expiry Interval has passed at {@code nowMillis}. */
  public boolean expired(long nowMillis) {
    return expiresAtMillis != 0 && nowMillis >= expiresAtMillis;
  }

  /**
   * The Message Expiry Interval a PUBLISH sent at {@code nowMillis} carries: the published one less the time the message
   * waited here [MQTT-3.3.2-6], rounded up, at least 1 (as EMQX does); only for a message that expires.
   */
  public int remainingExpirySeconds(long nowMillis) {
    long seconds = (expiresAtMillis - nowMillis + 999) / 1000;
    return (int) Math.max(1, Math.min(seconds, 0xFFFFFFFFL));
  }
}
