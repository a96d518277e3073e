/**
 * {@link io.tenantmq.sdk.events.EventConsumer}, {@link io.tenantmq.sdk.events.PresenceTracker} and
 * {@link io.tenantmq.sdk.events.EventStreamReader} against the whole product in this JVM, fed by real MQTT clients.
 */
package io.tenantmq.sdk.events.it;
