package io.tenantmq.mqtt.session;

import io.tenantmq.control.registry.ClientKey;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions that live on this node, connected or kept for an offline persistent client, by client key.
 * Thread-safe; each {@link Session} itself belongs to its own context.
 */
public final class NodeSessions {

  private final Map<ClientKey, Session> sessions = new ConcurrentHashMap<>();

  /** Makes {@code session} the client's session here and returns the one it replaced. */
  Session put(Session session) {
    return sessions.put(session.key(), session);
  }

  /** Makes {@code session} the client's session here unless it has one; false when it had. */
  boolean putIfAbsent(Session session) {
    return sessions.putIfAbsent(session.key(), session) == null;
  }

  /** Removes the client's session only if it is still {@code session}. */
  void remove(Session session) {
    sessions.remove(session.key(), session);
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
