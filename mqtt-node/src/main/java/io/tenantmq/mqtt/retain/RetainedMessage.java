package io.tenantmq.mqtt.retain;

import java.io.Serializable;

/**
 * A retained message as the cluster stores it.
 *
 * @param encoded the message in {@link io.tenantmq.mqtt.route.MessageCodec} form
 */
public record RetainedMessage(String instanceId, String topic, byte[] encoded, long storedAtMillis) implements Serializable {
}
