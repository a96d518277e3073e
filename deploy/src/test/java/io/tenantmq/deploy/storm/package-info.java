/** Reconnect storms against a cluster of whole TenantMQ nodes in one JVM, checked through the event stream, registry and API. */
package io.tenantmq.deploy.storm;
