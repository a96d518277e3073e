package io.tenantmq.mqtt.session;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.mqtt.route.Message;
import io.tenantmq.mqtt.route.MessageProperties;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttWill;
import java.io.Serializable;

/**
 * The will of one live connection as the cluster keeps it ({@code tenantmq.wills}), so that a survivor can publish it
 * when the connection's node crashes ({@link SurvivorWills}). Entries written before the last two fields existed read
 * as a will without properties and without delay.
 *
 * @param channelId    the connection the will belongs to; a newer connection's will replaces it
 * @param properties   the will's forwardable MQTT 5 properties ({@link MessageProperties#encode}); null: none
 * @param delaySeconds the Will Delay Interval [MQTT-3.1.3-9]; 0: none
 */
public record StoredWill(String channelId, String topic, byte[] payload, int qos, boolean retain, byte[] properties,
                         long delaySeconds) implements Serializable {

  /** The cluster's copy of {@code will}, a will of connection {@code channelId}. */
  static StoredWill of(String channelId, MqttWill will, long delaySeconds) {
    byte[] props = null;
    if (will.getWillProperties() != null && !will.getWillProperties().isEmpty()) {
      Buffer b = Buffer.buffer();
      MessageProperties.encode(will.getWillProperties(), b);
      props = b.getBytes();
    }
    return new StoredWill(channelId, will.getWillTopic(),
        will.getWillMessage() == null ? new byte[0] : will.getWillMessage().getBytes(), will.getWillQos(),
        will.isWillRetain(), props, delaySeconds);
  }

  /** The will as a message its client publishes at {@code nowMillis} (No Local applies; its expiry runs from then). */
  Message message(ClientKey key, long nowMillis) {
    MqttProperties props = properties == null ? MqttProperties.NO_PROPERTIES
        : MessageProperties.decode(Buffer.buffer(properties), new int[] {0});
    return Message.published(key.instanceId(), topic, Buffer.buffer(payload), qos, retain, props, key.clientId(),
        nowMillis);
  }
}
