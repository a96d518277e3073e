package io.tenantmq.mqtt.subscription;

import java.util.Objects;

/**
 * One filter of one subscriber with its granted QoS and MQTT 5 options. Equal only to the same filter, QoS, options and
 * subscriber object.
 *
 * @param identifiers the subscription identifier as the one-element array a delivery carries (empty when there is
 *                    none), made once here so that a delivery through a single subscription allocates nothing for it;
 *                    never changed
 */
public record Subscription(TopicFilter filter, int qos, Subscriber subscriber, SubscriptionOptions options,
                           int[] identifiers) {
  public Subscription {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(subscriber, "subscriber");
    options = options == null ? SubscriptionOptions.DEFAULT : options;
    identifiers = options.identifier() == 0 ? SubscriptionOptions.noIdentifiers() : new int[] {options.identifier()};
  }

  public Subscription(TopicFilter filter, int qos, Subscriber subscriber, SubscriptionOptions options) {
    this(filter, qos, subscriber, options, null);
  }

  /** A subscription with default options (MQTT 3.1.1, an operator's). */
  public Subscription(TopicFilter filter, int qos, Subscriber subscriber) {
    this(filter, qos, subscriber, SubscriptionOptions.DEFAULT, null);
  }

  /** Whether a message published by {@code publisherClientId} skips this subscription (No Local [MQTT-3.8.3-3]). */
  public boolean excludes(String publisherClientId) {
    return options.noLocal() && publisherClientId != null
        && publisherClientId.equals(subscriber.key().clientId());
  }

  /** The RETAIN flag of a live delivery of a message published with {@code retain} [MQTT-3.3.1-12, -13]. */
  public boolean retainFlag(boolean retain) {
    return retain && options.retainAsPublished();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Subscription s && filter.text().equals(s.filter.text()) && qos == s.qos && subscriber == s.subscriber
        && options.equals(s.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(filter.text(), qos, System.identityHashCode(subscriber), options);
  }
}
