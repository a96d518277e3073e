/** Broker metrics with bounded tags (node, instance, reason), never a topic or a client id. */
package io.tenantmq.mqtt.metrics;
