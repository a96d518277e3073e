/** Per-client state with one owner, the connect flow, takeover, will messages. */
package io.tenantmq.mqtt.session;
