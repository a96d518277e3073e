/** Which instance a connection belongs to, and whether it may connect. */
package io.tenantmq.mqtt.auth;
