package io.tenantmq.mqtt.subscription;

import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.mqtt.route.Message;

/** Something that receives messages for its subscriptions: a client's session. */
public interface Subscriber {

  /** The client this subscriber is; one subscriber per client per node holds a filter at a time. */
  ClientKey key();

  /**
   * Hands {@code message} over for delivery at {@code qos} (already the lower of message and subscription QoS). May be
   * called from any thread; the subscriber moves to its own thread.
   *
   * @param retainFlag      the RETAIN flag of this delivery
   * @param subscriptionIds the Subscription Identifiers of every subscription of this subscriber the delivery is for
   *                        (one delivery for overlapping subscriptions [MQTT-3.3.4-3]); often a shared empty array; not
   *                        to be changed
   */
  void deliver(Message message, int qos, boolean retainFlag, int[] subscriptionIds);
}
