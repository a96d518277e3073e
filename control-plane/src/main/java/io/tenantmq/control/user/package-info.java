/** MQTT users of instances: names, password hashes, read/write permissions. */
package io.tenantmq.control.user;
