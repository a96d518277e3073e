/**
 * Consuming an instance's online/offline event streams: {@link io.tenantmq.sdk.events.EventConsumer} (a RocketMQ
 * push-consumer-style listener over the gateway's HTTP pull and ack), {@link io.tenantmq.sdk.events.EventStreamReader}
 * (Server-Sent Events, resumed by offset) and {@link io.tenantmq.sdk.events.PresenceTracker}, which answers "is this
 * client online" from the events alone with Alibaba Cloud's channelId rules.
 */
package io.tenantmq.sdk.events;
