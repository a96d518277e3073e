package io.tenantmq.mqtt.session;

import io.tenantmq.control.registry.ClientKey;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one persistent session to the {@link SessionStore} when it changes in a way that matters after a crash: its
 * subscriptions change, its connection ends, messages queue up while its client is away. Online delivery never
 * writes.
 *
 * <p>Writes are coalesced: at most one is in flight and one pending, and while messages pile up for an offline
 * client at most one write starts per {@link #MIN_WRITE_INTERVAL_MILLIS}; each write carries the whole state as it is
 * when the write starts. So a burst of 10k queued messages costs a handful of writes, and what a crash of the node
 * (kill -9) can lose is bounded:
 * <ul>
 *   <li>offline client: the messages queued since the last write started, at most {@link #MIN_WRITE_INTERVAL_MILLIS}
 *       plus one map write;</li>
 *   <li>connected client: its outbound flow lives in memory only (the stored state holds its subscriptions, not the
 *       messages in flight or queued for it), so a crash loses the QoS 1/2 messages accepted for it and not yet
 *       acknowledged by it: at most its in-flight window plus its queue. Storing them on every send would put a map
 *       write on the delivery path; storing them at subscribe time only would replay stale messages after a crash
 *       hours later.</li>
 * </ul>
 * The inbound QoS 2 packet ids are never stored: a stale id would swallow a new message that reuses it.
 *
 * <p>Owned by: the session's context.
 */
public final class SessionCheckpoint {

  /** The shortest time between two writes of one session that keep up with queued messages. */
  static final long MIN_WRITE_INTERVAL_MILLIS = 100;

  private static final Logger LOG = LoggerFactory.getLogger(SessionCheckpoint.class);

  private final Session session;
  private final SessionServices services;
  /** Only sessions that outlive their connection are stored; fixed when the session starts. */
  private final boolean persistent;
  private long offlineSinceMillis;
  private boolean writing;
  private boolean dirty;
  private boolean stopped;
  private long lastWriteMillis = Long.MIN_VALUE / 2;
  private long timer = -1;
  /** Callers waiting for a write that starts after they asked. */
  private List<Promise<Void>> waiting = new ArrayList<>();
  /** Callers waiting for the write in flight. */
  private List<Promise<Void>> serving = new ArrayList<>();

  SessionCheckpoint(Session session, SessionServices services, boolean persistent) {
    this.session = session;
    this.services = services;
    this.persistent = persistent;
  }

  /**
   * Completes when every session of the node has stored what it has, each checked on its own context: a clean stop
   * waits for it before the node leaves, so that the adopter finds the sessions as they were.
   */
  public static Future<Void> settleAll(NodeSessions sessions) {
    List<Future<Void>> settled = new ArrayList<>();
    for (Session session : List.copyOf(sessions.all())) {
      Promise<Void> done = Promise.promise();
      session.context().runOnContext(v -> session.checkpoint().settle().onComplete(done));
      settled.add(done.future());
    }
    return Future.join(settled).mapEmpty();
  }

  /** What a connected session stores: its subscriptions and age; its message flows stay in memory. */
  static SessionState onlineState(SessionState full) {
    return new SessionState(full.createdAtMillis(), full.subscriptions(), List.of(), List.of(), Set.of(), full.options());
  }

  /** The entry a session of this node stores, with the state it has now. */
  StoredSession snapshot() {
    SessionState state = session.export();
    if (offlineSinceMillis == 0) {
      state = onlineState(state);
    }
    ClientKey key = session.key();
    return new StoredSession(key.instanceId(), services.node(), session.connection().channelId(),
        state.encode().getBytes(), Math.max(1, session.sessionExpirySeconds()), offlineSinceMillis);
  }

  /** The state changed in a way worth keeping, but need not be written at once (messages queued offline). */
  void changed() {
    if (!active()) {
      return;
    }
    if (writing) {
      dirty = true;
      return;
    }
    long wait = lastWriteMillis + MIN_WRITE_INTERVAL_MILLIS - System.currentTimeMillis();
    if (wait <= 0) {
      write();
    } else if (timer < 0) {
      timer = services.vertx().setTimer(wait, id -> {
        timer = -1;
        changed();
      });
    }
  }

  /** Writes the state as it is now, or right after the write in flight; completes once it is stored. */
  Future<Void> flush() {
    if (!active()) {
      return Future.succeededFuture();
    }
    Promise<Void> stored = Promise.promise();
    waiting.add(stored);
    if (writing) {
      dirty = true;
    } else {
      write();
    }
    return stored.future();
  }

  /** The client is gone since {@code atMillis}: from now on the whole state is stored, starting now. */
  Future<Void> offline(long atMillis) {
    offlineSince(atMillis);
    return flush();
  }

  /** The client is gone since {@code atMillis}, as the store already says (an adopted session). */
  void offlineSince(long atMillis) {
    offlineSinceMillis = atMillis;
  }

  /** Completes when nothing is in flight or pending, writing what is pending now (for a clean node stop). */
  Future<Void> settle() {
    if (!active() || !(writing || dirty || timer >= 0)) {
      return Future.succeededFuture();
    }
    if (writing && !dirty) {
      Promise<Void> current = Promise.promise();
      serving.add(current); // the write in flight already carries everything
      return current.future();
    }
    return flush();
  }

  /** The session ends for good (expiry, or its client left with expiry 0): its entry goes, unless another owns it. */
  void discard() {
    boolean wasActive = active();
    stop();
    if (wasActive) {
      services.store().remove(session.key(), session.connection().channelId())
          .onFailure(e -> LOG.warn("stored session of {} not removed: {}", session.key(), e.toString()));
    }
  }

  /** This session object stops writing: it was handed over or ended. */
  void stop() {
    stopped = true;
    if (timer >= 0) {
      services.vertx().cancelTimer(timer);
      timer = -1;
    }
    release(waiting);
    release(serving);
    waiting = new ArrayList<>();
  }

  private boolean active() {
    return persistent && !stopped;
  }

  private void write() {
    if (timer >= 0) {
      services.vertx().cancelTimer(timer);
      timer = -1;
    }
    writing = true;
    dirty = false;
    lastWriteMillis = System.currentTimeMillis();
    List<Promise<Void>> served = waiting;
    serving = served;
    waiting = new ArrayList<>();
    services.store().save(session.key(), snapshot()).onComplete(ar -> {
      if (ar.succeeded() && !ar.result()) {
        reclaimOrEnd(served);
      } else {
        written(served, ar.cause());
      }
    });
  }

  private void written(List<Promise<Void>> served, Throwable failure) {
    writing = false;
    release(served);
    if (failure != null) {
      LOG.warn("session of {} not stored: {}", session.key(), failure.toString());
    }
    if (!active()) {
      return;
    }
    if (!waiting.isEmpty()) {
      write();
    } else if (dirty) {
      changed();
    }
  }

  /**
   * The store refused the write: the entry is gone or another incarnation's. Normally a connection elsewhere claimed
   * the session or a clean start removed it, and this copy ends. But a connection the registry still names as the
   * client's current one only lost a race against the late claim of a connection it took over: it claims the entry
   * back (the registry is written before any claim, so the newest connection is the one it names).
   */
  private void reclaimOrEnd(List<Promise<Void>> served) {
    ClientKey key = session.key();
    String channelId = session.connection().channelId();
    Future.fromCompletionStage(services.registry().get(key), session.context())
        .compose(record -> record.isPresent() && record.get().channelId().equals(channelId) && active()
            ? services.store().claim(key, snapshot(), false, System.currentTimeMillis()).map(true)
            : Future.succeededFuture(false))
        .onComplete(ar -> {
          if (ar.failed() || ar.result()) {
            written(served, ar.cause());
            return;
          }
          LOG.debug("stored session of {} belongs to another incarnation now", key);
          writing = false;
          release(served);
          stop();
          session.superseded();
        });
  }

  private static void release(List<Promise<Void>> promises) {
    promises.forEach(Promise::tryComplete);
  }
}
