package io.tenantmq.mqtt.session;

import io.tenantmq.control.registry.ClientRegistry;
import io.tenantmq.mqtt.MqttNodeOptions;
import io.tenantmq.mqtt.metrics.BrokerMetrics;
import io.tenantmq.mqtt.metrics.InstanceMetricsTable;
import io.tenantmq.mqtt.quota.NodeQuotas;
import io.tenantmq.mqtt.retain.RetainStore;
import io.tenantmq.mqtt.route.Message;
import io.tenantmq.mqtt.route.Router;
import io.tenantmq.mqtt.subscription.LocalSubscriptions;
import io.vertx.core.Vertx;
import org.slf4j.LoggerFactory;

/** What every session of a node works with. */
public record SessionServices(String node, Vertx vertx, MqttNodeOptions options, Router router,
                              LocalSubscriptions subscriptions, RetainStore retained, ClientRegistry registry,
                              NodeSessions sessions, BrokerMetrics metrics, InstanceMetricsTable instanceMetrics,
                              SessionStore store, WillStore wills, SysPresence presence, NodeQuotas quotas) {

  /** Publishes {@code message} as a client's PUBLISH is: stored if retained, routed; returns how many it went to. */
  public int publish(Message message) {
    if (message.retain()) {
      retained.store(message).onFailure(e -> LoggerFactory.getLogger(SessionServices.class)
          .warn("retained message of {} on {} not stored: {}", message.instanceId(), message.topic(), e.toString()));
    }
    return router.publish(message);
  }
}
