/** Retained messages, shared by the cluster. */
package io.tenantmq.mqtt.retain;
