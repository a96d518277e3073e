/** Handlers every dialect shares: health, metrics. */
package io.tenantmq.gateway.common;
