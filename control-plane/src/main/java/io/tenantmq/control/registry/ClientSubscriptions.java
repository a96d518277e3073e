package io.tenantmq.control.registry;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * The subscriptions of one client's record, without the rest of it: what a subscription or route listing needs.
 *
 * @param subscriptions topic filter (as the client sent it) to granted QoS, sorted by filter
 */
public record ClientSubscriptions(String clientId, String node, Map<String, Integer> subscriptions)
    implements Serializable {
  public ClientSubscriptions {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(node, "node");
    subscriptions = subscriptions == null ? Map.of() : subscriptions;
  }
}
