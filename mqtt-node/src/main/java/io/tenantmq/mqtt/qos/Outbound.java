package io.tenantmq.mqtt.qos;

import io.tenantmq.mqtt.route.Message;
import io.tenantmq.mqtt.subscription.SubscriptionOptions;

/**
 * A message waiting to go to one client, at the QoS, with the RETAIN flag and the Subscription Identifiers of that
 * delivery.
 *
 * @param insertedAtMillis when the session took it in (what the management APIs show for queued and in-flight messages)
 * @param subscriptionIds  never changed; often the shared empty array
 */
public record Outbound(Message message, int qos, boolean retainFlag, long insertedAtMillis, int[] subscriptionIds) {

  public Outbound {
    subscriptionIds = subscriptionIds == null ? SubscriptionOptions.noIdentifiers() : subscriptionIds;
  }

  /** A delivery without Subscription Identifiers. */
  public Outbound(Message message, int qos, boolean retainFlag, long insertedAtMillis) {
    this(message, qos, retainFlag, insertedAtMillis, null);
  }

  /** The same delivery, taken in at another time. */
  public Outbound at(long newInsertedAtMillis) {
    return new Outbound(message, qos, retainFlag, newInsertedAtMillis, subscriptionIds);
  }

  /** The same delivery, for these identifiers. */
  public Outbound withSubscriptionIds(int[] ids) {
    return new Outbound(message, qos, retainFlag, insertedAtMillis, ids);
  }
}
