/** What every dialect shares: health, metrics, the bridge from control-plane stages to Vert.x futures. */
package io.tenantmq.gateway.common;
