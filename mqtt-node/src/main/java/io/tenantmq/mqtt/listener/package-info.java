/** MQTT listeners (TCP, WebSocket) built from one set of options. */
package io.tenantmq.mqtt.listener;
