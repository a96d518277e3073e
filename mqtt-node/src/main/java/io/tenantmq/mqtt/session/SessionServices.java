package io.tenantmq.mqtt.session;

import io.tenantmq.control.registry.ClientRegistry;
import io.tenantmq.mqtt.MqttNodeOptions;
import io.tenantmq.mqtt.metrics.BrokerMetrics;
import io.tenantmq.mqtt.metrics.InstanceMetricsTable;
import io.tenantmq.mqtt.retain.RetainStore;
import io.tenantmq.mqtt.route.Router;
import io.tenantmq.mqtt.subscription.LocalSubscriptions;
import io.vertx.core.Vertx;

/** What every session of a node works with. */
public record SessionServices(String node, Vertx vertx, MqttNodeOptions options, Router router,
                              LocalSubscriptions subscriptions, RetainStore retained, ClientRegistry registry,
                              NodeSessions sessions, BrokerMetrics metrics, InstanceMetricsTable instanceMetrics,
                              SessionStore store) {
}
