package io.tenantmq.mqtt.retain;

import io.tenantmq.mqtt.route.Message;
import io.tenantmq.mqtt.subscription.TopicFilter;
import io.vertx.core.Future;
import java.util.List;

/**
 * Retained messages, one per topic of an instance. Futures complete on the caller's context; a failure means the
 * store could not be reached and nothing changed.
 */
public interface RetainStore {

  /** Stores {@code message} as its topic's retained message, or clears it when the payload is empty [MQTT-3.3.1-6, -10]. */
  Future<Void> store(Message message);

  /** The retained messages of the instance whose topics match {@code filter}. */
  Future<List<Message>> match(String instanceId, TopicFilter filter);
}
