package io.tenantmq.control.event;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where one consumer group keeps its offsets: instance first, then the group, then (for broadcasting) the consumer,
 * whose offsets are its own; {@code consumerId} is empty for a clustering group, whose consumers share them.
 */
public record ConsumerGroupKey(String instanceId, String consumerGroup, String consumerId) implements Serializable {

  public ConsumerGroupKey {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(consumerGroup, "consumerGroup");
    consumerId = consumerId == null ? "" : consumerId;
  }

  static ConsumerGroupKey of(PullRequest request) {
    return new ConsumerGroupKey(request.instanceId(), request.consumerGroup(),
        request.mode() == ConsumeMode.BROADCASTING ? request.consumerId() : "");
  }

  boolean broadcasting() {
    return !consumerId.isEmpty();
  }
}
