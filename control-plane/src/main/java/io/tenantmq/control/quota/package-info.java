/** Per-instance quotas: what one tenant's instance may use of a node (connections, subscriptions, rates, sizes). */
package io.tenantmq.control.quota;
