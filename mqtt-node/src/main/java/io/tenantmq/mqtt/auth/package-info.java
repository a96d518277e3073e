/**
 * Which instance a connection belongs to, whether it may connect (MQTT users, anonymous loopback clients, Aliyun
 * Signature and Token logins), what it may do once connected, and how long a token login may stay.
 */
package io.tenantmq.mqtt.auth;
