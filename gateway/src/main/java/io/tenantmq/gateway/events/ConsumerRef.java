package io.tenantmq.gateway.events;

import java.util.Objects;

/**
 * One consumer group of one instance, and within it one consumer (whose own offsets count in broadcasting mode).
 *
 * @param consumerId null when the caller named none (a clustering group's ack or offset)
 */
public record ConsumerRef(String instanceId, String consumerGroup, String consumerId) {
  public ConsumerRef {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(consumerGroup, "consumerGroup");
  }
}
