package io.tenantmq.mqtt.route;

import java.io.Serializable;

/** Key of the route table: a topic filter (as subscribed, {@code $share/…} included) of one instance. */
public record RouteKey(String instanceId, String filter) implements Serializable {
}
