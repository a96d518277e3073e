package io.tenantmq.control.event;

import java.util.Collection;
import java.util.concurrent.CompletionStage;

/**
 * RocketMQ-style consumption of the event streams: consumer groups with committed offsets (kept with the durable
 * state), at-least-once delivery (leased events that are not acknowledged within their invisible time are delivered
 * again), clustering and broadcasting. Stages complete off the caller's thread. Callers have checked that the
 * instance belongs to the caller's tenant; consumer groups are keyed by instance id first.
 */
public interface EventConsumers {

  /** Leases up to {@code maxEvents} matching events to the consumer, waiting up to {@code longPoll} for a first one. */
  CompletionStage<PullResult> pull(PullRequest request);

  /**
   * Acknowledges deliveries of {@code instanceId}'s group (for broadcasting, of that consumer id); handles that are
   * unknown, expired or already acknowledged count as not acknowledged. Completes with how many were acknowledged.
   */
  CompletionStage<Integer> ack(String instanceId, String consumerGroup, String consumerId,
                               Collection<String> receiptHandles);

  /** The committed offset of a group (of one consumer id, for broadcasting), or -1 for a group that never pulled. */
  CompletionStage<Long> committedOffset(String instanceId, String consumerGroup, String consumerId);

  /** Drops every consumer group of an instance that is being deleted. */
  CompletionStage<Void> delete(String instanceId);
}
