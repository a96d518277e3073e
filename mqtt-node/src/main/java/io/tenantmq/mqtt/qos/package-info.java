/** Packet ids, the outbound in-flight window, the inbound QoS 2 receiver. */
package io.tenantmq.mqtt.qos;
