package io.tenantmq.mqtt.session;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.registry.ClientKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link SessionStore} on the Hazelcast map {@link MapNames#SESSIONS}. Conditional writes are entry processors, so
 * each check-and-write is atomic on the key's partition; they are deterministic (the caller passes the clock and the
 * ids), because Hazelcast runs them again on the backup replica. The map's backups keep an entry when a member
 * crashes; a {@code MapStore} on the map (configured elsewhere) makes it outlive the whole cluster.
 */
public final class HazelcastSessionStore implements SessionStore {

  private final Vertx vertx;
  private final IMap<ClientKey, StoredSession> sessions;
  private final AtomicLong writes = new AtomicLong();

  public HazelcastSessionStore(Vertx vertx, HazelcastInstance hazelcast) {
    this.vertx = vertx;
    this.sessions = hazelcast.getMap(MapNames.SESSIONS);
  }

  @Override
  public Future<Optional<StoredSession>> claim(ClientKey key, StoredSession session, boolean keepStoredState,
                                               long nowMillis) {
    writes.incrementAndGet();
    return here(sessions.submitToKey(key, new Claim(session, keepStoredState, nowMillis))).map(Optional::ofNullable);
  }

  @Override
  public Future<Boolean> save(ClientKey key, StoredSession session) {
    writes.incrementAndGet();
    return here(sessions.submitToKey(key, new SaveIfCurrent(session)));
  }

  @Override
  public Future<Optional<StoredSession>> remove(ClientKey key) {
    writes.incrementAndGet();
    return here(sessions.removeAsync(key)).map(Optional::ofNullable);
  }

  @Override
  public Future<Boolean> remove(ClientKey key, String incarnation) {
    writes.incrementAndGet();
    return here(sessions.submitToKey(key, new RemoveIfCurrent(incarnation)));
  }

  @Override
  public Future<Map<ClientKey, StoredSession>> adoptOrphans(String node, String incarnation, Set<String> liveNodes,
                                                            boolean includeOwn, long nowMillis) {
    Adopt adopt = new Adopt(node, incarnation, Set.copyOf(liveNodes), includeOwn, nowMillis);
    // executeOnEntries blocks until every partition answered
    return vertx.executeBlocking(() -> {
      Map<ClientKey, StoredSession> adopted = new HashMap<>();
      sessions.executeOnEntries(adopt).forEach((key, stored) -> {
        if (stored != null) {
          adopted.put(key, stored);
        }
      });
      return adopted;
    }, false);
  }

  @Override
  public Future<Optional<StoredSession>> get(ClientKey key) {
    return here(sessions.getAsync(key)).map(Optional::ofNullable);
  }

  @Override
  public long writes() {
    return writes.get();
  }

  private <T> Future<T> here(CompletionStage<T> stage) {
    return Future.fromCompletionStage(stage, vertx.getOrCreateContext());
  }

  /** Puts the session, returning the unexpired entry it replaced (whose state it keeps if asked). */
  private record Claim(StoredSession session, boolean keepStoredState, long nowMillis)
      implements EntryProcessor<ClientKey, StoredSession, StoredSession> {
    @Override
    public StoredSession process(Map.Entry<ClientKey, StoredSession> entry) {
      StoredSession before = entry.getValue();
      StoredSession live = before != null && !before.expired(nowMillis) ? before : null;
      entry.setValue(keepStoredState && live != null ? session.withState(live.state()) : session);
      return live;
    }
  }

  private record SaveIfCurrent(StoredSession session) implements EntryProcessor<ClientKey, StoredSession, Boolean> {
    @Override
    public Boolean process(Map.Entry<ClientKey, StoredSession> entry) {
      StoredSession now = entry.getValue();
      if (now == null || !now.incarnation().equals(session.incarnation())) {
        return false;
      }
      entry.setValue(session);
      return true;
    }
  }

  private record RemoveIfCurrent(String incarnation) implements EntryProcessor<ClientKey, StoredSession, Boolean> {
    @Override
    public Boolean process(Map.Entry<ClientKey, StoredSession> entry) {
      StoredSession now = entry.getValue();
      if (now == null || !now.incarnation().equals(incarnation)) {
        return false;
      }
      entry.setValue(null);
      return true;
    }
  }

  /**
   * Takes over an entry whose owner is gone: a compare-and-set on the owner, so concurrent adopters (and a CONNECT
   * claiming the session meanwhile) never both get it. A session that was online when its node died is counted as
   * offline from now: when its connection really ended is unknown.
   */
  private record Adopt(String node, String incarnation, Set<String> liveNodes, boolean includeOwn, long nowMillis)
      implements EntryProcessor<ClientKey, StoredSession, StoredSession> {
    @Override
    public StoredSession process(Map.Entry<ClientKey, StoredSession> entry) {
      StoredSession stored = entry.getValue();
      if (stored == null) {
        return null;
      }
      if (stored.expired(nowMillis)) {
        entry.setValue(null);
        return null;
      }
      boolean orphan = !liveNodes.contains(stored.node()) || (includeOwn && stored.node().equals(node));
      if (!orphan) {
        return null;
      }
      StoredSession adopted = stored.ownedBy(node, incarnation,
          stored.offlineSinceMillis() > 0 ? stored.offlineSinceMillis() : nowMillis);
      entry.setValue(adopted);
      return adopted;
    }
  }
}
