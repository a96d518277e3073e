package io.tenantmq.mqtt.session;

import io.tenantmq.control.registry.ClientKey;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored side of CONNECT, after this node and the registry's owner were asked: a session that will outlive its
 * connection claims the client's stored entry, any other removes it [MQTT-3.1.2-4]. A connect that resumes and found
 * no state so far takes it from the node the entry names if that node is alive (it adopted the session, or the
 * registry did not know it), or else from the stored bytes, unless they expired [MQTT-3.1.2-5].
 *
 * <p>Runs on the connecting session's context.
 */
final class SessionRestore {

  private static final Logger LOG = LoggerFactory.getLogger(SessionRestore.class);

  private final SessionServices services;
  private final RemoteTakeover remoteTakeover;
  private final Predicate<String> nodeAlive;

  SessionRestore(SessionServices services, RemoteTakeover remoteTakeover, Predicate<String> nodeAlive) {
    this.services = services;
    this.remoteTakeover = remoteTakeover;
    this.nodeAlive = nodeAlive;
  }

  /**
   * Returns the state {@code session} resumes: {@code known} when this node or the registry's owner handed one over,
   * else what the store holds; null when there is none (or {@code cleanStart}).
   */
  Future<SessionState> resolve(Session session, SessionState known, boolean cleanStart) {
    ClientKey key = session.key();
    long now = System.currentTimeMillis();
    Future<Optional<StoredSession>> replaced;
    if (session.sessionExpirySeconds() > 0) {
      SessionState initial = SessionCheckpoint.onlineState(known != null && !cleanStart ? known : session.export());
      StoredSession mine = new StoredSession(key.instanceId(), services.node(), session.connection().channelId(),
          initial.encode().getBytes(), session.sessionExpirySeconds(), 0);
      replaced = services.store().claim(key, mine, !cleanStart && known == null, now);
    } else {
      replaced = services.store().remove(key);
    }
    return replaced.compose(previous -> {
      StoredSession stored = previous.filter(p -> !p.expired(now)).orElse(null);
      if (stored == null || known != null) {
        return Future.succeededFuture(known);
      }
      boolean resume = !cleanStart;
      if (!stored.node().equals(services.node()) && nodeAlive.test(stored.node())) {
        // its memory is fresher than the stored bytes; asked to drop it when the client starts clean
        return remoteTakeover.request(stored.node(), key, resume)
            .map(state -> resume ? (state != null ? state : decode(key, stored)) : null)
            .onSuccess(state -> resumedFromElsewhere(session, state));
      }
      SessionState state = resume ? decode(key, stored) : null;
      resumedFromElsewhere(session, state);
      return Future.succeededFuture(state);
    });
  }

  private void resumedFromElsewhere(Session session, SessionState state) {
    if (state != null) {
      // the record was written with this connection's time, before the resumed session's age was known
      services.registry().updateCreatedAt(session.key(), session.connection().channelId(), state.createdAtMillis());
    }
  }

  private static SessionState decode(ClientKey key, StoredSession stored) {
    try {
      return stored.decode();
    } catch (RuntimeException e) {
      LOG.warn("stored session of {} is unreadable and starts afresh: {}", key, e.toString());
      return null;
    }
  }
}
