package io.tenantmq.control.cluster;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whether this node serves what its role promises, for {@code GET /healthz}. Each component marks itself serving once
 * its listeners are bound. Thread-safe.
 */
public final class NodeReadiness {

  /** What a node can serve. */
  public enum Component { MQTT, HTTP }

  private final Set<Component> expected;
  private final Set<Component> serving = EnumSet.noneOf(Component.class);
  private boolean stopping;

  public NodeReadiness(Set<Component> expected) {
    this.expected = Set.copyOf(expected);
  }

  public synchronized void serving(Component component) {
    serving.add(component);
  }

  /** The node is shutting down: no longer ready, whatever still listens. */
  public synchronized void stopping() {
    stopping = true;
  }

  public synchronized boolean ready() {
    return !stopping && serving.containsAll(expected);
  }

  public synchronized Set<Component> serving() {
    return serving.isEmpty() ? Set.of() : EnumSet.copyOf(serving);
  }
}
