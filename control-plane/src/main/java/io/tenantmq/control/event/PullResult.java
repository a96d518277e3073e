package io.tenantmq.control.event;

import java.util.List;

/**
 * What a pull got: the deliveries, oldest first (redeliveries first), and the group's committed offset: every event
 * of the subscription before it has been acknowledged (or skipped by the filter).
 */
public record PullResult(List<Delivery> deliveries, long committedOffset) {
  public PullResult {
    deliveries = List.copyOf(deliveries);
  }
}
