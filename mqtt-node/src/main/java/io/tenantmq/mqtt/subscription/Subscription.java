package io.tenantmq.mqtt.subscription;

import java.util.Objects;

/** One filter of one subscriber with its granted QoS. Equal only to the same filter, QoS and subscriber object. */
public record Subscription(TopicFilter filter, int qos, Subscriber subscriber) {
  public Subscription {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(subscriber, "subscriber");
  }
}
