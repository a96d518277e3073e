package io.tenantmq.sdk.events;

import java.util.List;

/**
 * Consumes the batches an {@link EventConsumer} pulls, on the consumer's own thread, one batch at a time, in stream
 * order within a batch. Delivery is at least once: a batch that was not acknowledged in time (the listener answered
 * {@link ConsumeStatus#RECONSUME_LATER}, threw, or the consumer stopped first) comes again, so handling an event twice
 * must be harmless ({@link PresenceTracker} is).
 */
@FunctionalInterface
public interface MessageListener {

  /** @param events one or more events, in offset order */
  ConsumeStatus consume(List<ClientStatusEvent> events);
}
