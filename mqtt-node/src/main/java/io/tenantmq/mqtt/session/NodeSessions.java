package io.tenantmq.mqtt.session;

import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.mqtt.metrics.InstanceMetricsTable;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions that live on this node, connected or kept for an offline persistent client, by client key.
 * Thread-safe; each {@link Session} itself belongs to its own context.
 */
public final class NodeSessions {

  private final Map<ClientKey, Session> sessions = new ConcurrentHashMap<>();
  private final InstanceMetricsTable metrics;

  /** @param metrics where the number of sessions of each instance is kept */
  public NodeSessions(InstanceMetricsTable metrics) {
    this.metrics = metrics;
  }

  /** Makes {@code session} the client's session here and returns the one it replaced. */
  Session put(Session session) {
    Session previous = sessions.put(session.key(), session);
    if (previous == null) {
      counted(session, 1);
    }
    return previous;
  }

  /** Makes {@code session} the client's session here unless it has one; false when it had. */
  boolean putIfAbsent(Session session) {
    boolean added = sessions.putIfAbsent(session.key(), session) == null;
    if (added) {
      counted(session, 1);
    }
    return added;
  }

  /** Removes the client's session only if it is still {@code session}. */
  void remove(Session session) {
    if (sessions.remove(session.key(), session)) {
      counted(session, -1);
    }
  }

  private void counted(Session session, int delta) {
    metrics.of(session.key().instanceId()).sessions(delta);
  }

  public Session get(ClientKey key) {
    return sessions.get(key);
  }

  public Collection<Session> all() {
    return sessions.values();
  }

  public int size() {
    return sessions.size();
  }
}
