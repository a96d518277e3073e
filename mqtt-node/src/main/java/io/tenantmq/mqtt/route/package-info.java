/** Delivery of a publish to local sessions and, through the route table and the event bus, to other nodes. */
package io.tenantmq.mqtt.route;
