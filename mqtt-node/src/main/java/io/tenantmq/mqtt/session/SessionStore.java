package io.tenantmq.mqtt.session;

import io.tenantmq.control.registry.ClientKey;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where persistent sessions are kept so that they outlive the node that holds them: one {@link StoredSession} per
 * client. Every write names the incarnation that makes it, so a session object that was taken over or ended cannot
 * overwrite its successor.
 *
 * <p>Futures complete on the caller's context. A failed future means the store could not be reached and nothing is
 * known about the entry; a refused conditional write is a {@code false} result, not a failure.
 */
public interface SessionStore {

  /**
   * Makes {@code session} the client's stored session, whatever was there, and returns the entry it replaced unless
   * that one had expired at {@code nowMillis}. With {@code keepStoredState} the replaced entry's state is kept (when
   * it had not expired): the connecting client resumes it.
   */
  Future<Optional<StoredSession>> claim(ClientKey key, StoredSession session, boolean keepStoredState, long nowMillis);

  /** Replaces the entry only if it is still {@code session.incarnation()}'s; false when it is gone or another's. */
  Future<Boolean> save(ClientKey key, StoredSession session);

  /** Removes the client's entry, whoever owns it, and returns it. */
  Future<Optional<StoredSession>> remove(ClientKey key);

  /** Removes the entry only if it is still {@code incarnation}'s. */
  Future<Boolean> remove(ClientKey key, String incarnation);

  /**
   * Makes {@code node} (as {@code incarnation}) the owner of every entry whose owner is not in {@code liveNodes}, or is
   * {@code node} itself when {@code includeOwn}, and returns those entries as now stored. Entries that expired by
   * {@code nowMillis} are removed instead. Each entry changes owner atomically, so of several nodes adopting at once
   * exactly one gets it.
   */
  Future<Map<ClientKey, StoredSession>> adoptOrphans(String node, String incarnation, Set<String> liveNodes,
                                                     boolean includeOwn, long nowMillis);

  Future<Optional<StoredSession>> get(ClientKey key);

  /** How many writes (claims, saves, removals) this store sent, for tests and metrics. */
  long writes();
}
