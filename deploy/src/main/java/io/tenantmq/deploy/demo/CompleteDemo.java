package io.tenantmq.deploy.demo;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Stores {@code proposal} as the cluster's demo unless one is there, and fills in the sections the stored one lacks;
 * returns the demo in force. Atomic on the key's partition, so the members that start together agree on one demo.
 */
record CompleteDemo(DemoCredentials proposal) implements EntryProcessor<String, DemoCredentials, DemoCredentials> {
  @Override
  public DemoCredentials process(Map.Entry<String, DemoCredentials> entry) {
    DemoCredentials current = entry.getValue();
    DemoCredentials completed = current == null ? proposal : current.completedWith(proposal);
    if (!completed.equals(current)) {
      entry.setValue(completed);
    }
    return completed;
  }
}
