/** The MQTT broker: listeners, sessions, subscriptions, retained messages, QoS flows and routing across nodes. */
package io.tenantmq.mqtt;
