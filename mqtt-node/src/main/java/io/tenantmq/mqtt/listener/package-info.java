/** MQTT listeners (TCP, WebSocket, and both over TLS) built from one set of options. */
package io.tenantmq.mqtt.listener;
