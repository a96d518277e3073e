package io.tenantmq.sdk.events;

/**
 * One event as a pull delivered it.
 *
 * @param receiptHandle acknowledges this delivery ({@link EventStreamClient#ack})
 * @param deliveryCount 1 the first time, more when it comes again because it was not acknowledged in time
 */
public record ReceivedEvent(long offset, String tag, String receiptHandle, int deliveryCount,
                            ClientStatusEvent event) {
}
