/**
 * Per-instance quotas on this node: the node-local view of each instance's configured quotas (kept current by a map
 * listener, so no packet waits for the cluster), token buckets for message rates, the connection count, and the share
 * of cluster-wide quotas (an instance's connections and message rate) this node may use, from the other nodes' usage.
 */
package io.tenantmq.mqtt.quota;
