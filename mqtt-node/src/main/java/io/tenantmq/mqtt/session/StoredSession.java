package io.tenantmq.mqtt.session;

import io.vertx.core.buffer.Buffer;
import java.io.Serializable;
import java.util.Objects;

/**
 * The durable form of one persistent session: the value of {@link io.tenantmq.control.cluster.MapNames#SESSIONS} under
 * the client's {@link io.tenantmq.control.registry.ClientKey}.
 *
 * @param node               the node whose memory holds the session now
 * @param incarnation        which session object on that node holds it: the channel id of its connection, or of the
 *                           adoption that brought it back; a write from any other incarnation is refused
 * @param state              {@link SessionState#encode()}; while a client is connected only its subscriptions (see
 *                           {@link SessionCheckpoint})
 * @param expirySeconds      how long the session outlives its connection, more than 0
 * @param offlineSinceMillis when its last connection ended; 0 while a client is connected
 */
public record StoredSession(String instanceId, String node, String incarnation, byte[] state, long expirySeconds,
                            long offlineSinceMillis) implements Serializable {

  public StoredSession {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(incarnation, "incarnation");
    Objects.requireNonNull(state, "state");
    if (expirySeconds <= 0) {
      throw new IllegalArgumentException("a stored session has an expiry, was " + expirySeconds);
    }
  }

  /** Whether the session ended at {@code nowMillis}: its client has been away longer than its expiry interval. */
  public boolean expired(long nowMillis) {
    return offlineSinceMillis > 0 && nowMillis - offlineSinceMillis >= expirySeconds * 1000;
  }

  /** When an offline session ends, or {@link Long#MAX_VALUE} while a client is connected. */
  public long expiresAtMillis() {
    return offlineSinceMillis > 0 ? offlineSinceMillis + expirySeconds * 1000 : Long.MAX_VALUE;
  }

  public SessionState decode() {
    return SessionState.decode(Buffer.buffer(state));
  }

  StoredSession withState(byte[] newState) {
    return new StoredSession(instanceId, node, incarnation, newState, expirySeconds, offlineSinceMillis);
  }

  StoredSession ownedBy(String newNode, String newIncarnation, long newOfflineSinceMillis) {
    return new StoredSession(instanceId, newNode, newIncarnation, state, expirySeconds, newOfflineSinceMillis);
  }
}
