/**
 * TLS for the MQTT listeners: the server certificate (PEM files from the configuration, or a self-signed one generated
 * once into the data directory and reused) and the SNI host name a client asked for, which names its instance.
 */
package io.tenantmq.mqtt.tls;
