package io.tenantmq.mqtt.session;

import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.mqtt.route.Message;
import io.vertx.core.buffer.Buffer;
import java.io.Serializable;

/**
 * The will of one live connection as the cluster keeps it ({@code tenantmq.wills}), so that a survivor can publish it
 * when the connection's node crashes. MQTT 5 will properties are not kept: a survivor publishes topic, payload, QoS
 * and retain flag.
 *
 * @param channelId the connection the will belongs to; a newer connection's will replaces it
 */
public record StoredWill(String channelId, String topic, byte[] payload, int qos, boolean retain)
    implements Serializable {

  /** The will as a message of {@code key}'s instance. */
  Message message(ClientKey key) {
    return new Message(key.instanceId(), topic, Buffer.buffer(payload), qos, retain, null, key.clientId(), 0);
  }
}
