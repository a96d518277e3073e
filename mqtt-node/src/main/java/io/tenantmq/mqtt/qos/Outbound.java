package io.tenantmq.mqtt.qos;

import io.tenantmq.mqtt.route.Message;

/** A message waiting to go to one client, at the QoS and with the RETAIN flag of that delivery. */
public record Outbound(Message message, int qos, boolean retainFlag) {
}
