package io.tenantmq.mqtt.retain;

import java.io.Serializable;

/** A retained message's key: the topic within its instance. */
public record RetainKey(String instanceId, String topic) implements Serializable {
}
