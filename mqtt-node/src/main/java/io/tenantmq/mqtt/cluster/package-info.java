/** Joining the cluster: one Hazelcast member with Vert.x clustered on it. */
package io.tenantmq.mqtt.cluster;
