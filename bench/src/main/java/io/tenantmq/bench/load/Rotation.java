package io.tenantmq.bench.load;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** API clients per instance; calls for an instance rotate over that instance's clients. Thread-safe. */
final class Rotation<C> {

  private final List<List<C>> clients;
  private final AtomicLong next = new AtomicLong();

  Rotation(List<List<C>> clients) {
    this.clients = clients.stream().map(List::copyOf).toList();
  }

  /** The next client, in rotation, for instance number {@code instance}. */
  C clientFor(int instance) {
    List<C> ofInstance = clients.get(instance);
    return ofInstance.get((int) (next.getAndIncrement() % ofInstance.size()));
  }
}
