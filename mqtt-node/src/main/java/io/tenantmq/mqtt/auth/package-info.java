/** Which instance a connection belongs to, whether it may connect, and what it may do once connected. */
package io.tenantmq.mqtt.auth;
