/** The cluster-wide client registry: one record per (instance, client id), kept in a Hazelcast map. */
package io.tenantmq.control.registry;
