package io.tenantmq.control.event;

/**
 * One event handed to a consumer.
 *
 * @param receiptHandle  opaque; acknowledges this delivery of this event ({@link EventConsumers#ack})
 * @param deliveryCount  1 the first time, more when it is delivered again because it was not acknowledged in time
 */
public record Delivery(ClientEvent event, String receiptHandle, int deliveryCount) {
}
