package io.tenantmq.mqtt.qos;

import io.tenantmq.mqtt.route.Message;

/**
 * A message waiting to go to one client, at the QoS and with the RETAIN flag of that delivery.
 *
 * @param insertedAtMillis when the session took it in (what the management APIs show for queued and in-flight messages)
 */
public record Outbound(Message message, int qos, boolean retainFlag, long insertedAtMillis) {
}
