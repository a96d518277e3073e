package io.tenantmq.control.event;

import java.time.Duration;
import java.util.Objects;

/**
 * One pull of a consumer of a consumer group.
 *
 * @param consumerGroup  the group whose offsets move (RocketMQ's {@code GID_…} consumer group, or any name)
 * @param consumerId     the consumer within the group: its own offsets in {@link ConsumeMode#BROADCASTING}
 * @param maxEvents      1 .. {@link EventStream#MAX_READ}
 * @param longPoll       how long to wait for a first matching event when there is none (long poll); zero answers at once
 * @param invisibleTime  how long the delivered events stay leased to this consumer; unacknowledged, they are
 *                       delivered again after it
 */
public record PullRequest(EventSubscription subscription, String consumerGroup, ConsumeMode mode, String consumerId,
                          ConsumeFrom from, int maxEvents, Duration longPoll, Duration invisibleTime) {

  public PullRequest {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(consumerGroup, "consumerGroup");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(longPoll, "longPoll");
    Objects.requireNonNull(invisibleTime, "invisibleTime");
    if (mode == ConsumeMode.BROADCASTING && (consumerId == null || consumerId.isEmpty())) {
      throw new IllegalArgumentException("a broadcasting consumer needs a consumer id");
    }
  }

  public String instanceId() {
    return subscription.topic().instanceId();
  }
}
