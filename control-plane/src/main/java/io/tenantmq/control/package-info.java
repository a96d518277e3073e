/** The domain of TenantMQ: tenants, instances, the cluster-wide client registry. No HTTP, no MQTT packets. */
package io.tenantmq.control;
