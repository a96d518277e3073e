/** Load driver that runs the same MQTT scenarios against TenantMQ and Mosquitto, each in its own process, and reports ratios. */
package io.tenantmq.bench.load;
