/** What a node tells its instances' event streams about the connections it holds. */
package io.tenantmq.mqtt.event;
