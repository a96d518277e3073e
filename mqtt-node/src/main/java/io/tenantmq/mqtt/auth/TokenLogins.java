package io.tenantmq.mqtt.auth;

import io.tenantmq.control.token.AccessToken;
import io.tenantmq.control.token.TokenService;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live connections of this node that logged in with Aliyun tokens, indexed by token digest, so that each is
 * closed when the first of its tokens expires (a timer on the connection's own context) or when any of them is revoked
 * anywhere in the cluster ({@link TokenService#onRevoked} fires on every member).
 *
 * <p>A login is tracked only once its CONNECT is accepted, a while after its tokens were looked up; a revoke that lands in
 * between is remembered for {@link #RECENT_MILLIS} so that {@link #track} still closes the connection.
 *
 * <p>Owned by: nobody. The index is concurrent; the revocation listener runs on a Hazelcast thread and only hops to
 * each connection's context, where every close runs.
 */
public final class TokenLogins {

  /** How long a revoke is remembered for logins still being set up: far longer than a CONNECT takes. */
  static final long RECENT_MILLIS = 60_000;

  private final Vertx vertx;
  private final Map<String, Set<Login>> byDigest = new ConcurrentHashMap<>();
  /** Digest → when it was revoked, for the last {@link #RECENT_MILLIS}; revokes are rare, so this stays small. */
  private final Map<String, Long> recentlyRevoked = new ConcurrentHashMap<>();
  private final AtomicInteger watched = new AtomicInteger();
  private volatile boolean stopped;

  public TokenLogins(Vertx vertx) {
    this.vertx = vertx;
  }

  /** From now on, every token revoked in the cluster closes the connections here that use it. */
  public void start(TokenService tokens) {
    tokens.onRevoked(this::revoked);
  }

  /** Revocations close nothing here any more (the node is stopping; the token service keeps the listener). */
  public void stop() {
    stopped = true;
  }

  /**
   * Watches an accepted connection, from its own {@code context}: {@code onExpired} runs there when the first token
   * expires, {@code onRevoked} when one is revoked. The caller {@link Login#release releases} it when the connection
   * closes, whatever the reason.
   */
  public Login track(TokenGrant grant, Context context, Runnable onExpired, Runnable onRevoked) {
    Login login = new Login(grant, context, onRevoked);
    watched.incrementAndGet();
    for (String digest : grant.digests()) {
      byDigest.compute(digest, (d, logins) -> {
        Set<Login> set = logins != null ? logins : ConcurrentHashMap.newKeySet();
        set.add(login);
        return set;
      });
    }
    long delay = Math.max(1, grant.expireAtMillis() - System.currentTimeMillis());
    login.timer = vertx.setTimer(delay, id -> context.runOnContext(v -> onExpired.run()));
    // a token is never issued twice: one revoked since it was looked up means this login is already void
    if (grant.digests().stream().anyMatch(recentlyRevoked::containsKey)) {
      context.runOnContext(v -> onRevoked.run());
    }
    return login;
  }

  /** How many connections are watched. */
  public int size() {
    return watched.get();
  }

  /** On a Hazelcast thread: closes, each on its own context, the connections that logged in with {@code token}. */
  private void revoked(AccessToken token) {
    long now = System.currentTimeMillis();
    recentlyRevoked.values().removeIf(at -> at < now - RECENT_MILLIS);
    recentlyRevoked.put(token.digest(), now);
    Set<Login> logins = byDigest.get(token.digest());
    if (stopped || logins == null) {
      return;
    }
    for (Login login : logins) {
      login.context.runOnContext(v -> login.onRevoked.run());
    }
  }

  /** One watched connection. */
  public final class Login {
    private final TokenGrant grant;
    private final Context context;
    private final Runnable onRevoked;
    private final AtomicBoolean released = new AtomicBoolean();
    private long timer;

    private Login(TokenGrant grant, Context context, Runnable onRevoked) {
      this.grant = grant;
      this.context = context;
      this.onRevoked = onRevoked;
    }

    /** The connection is gone: no timer, no index entry. Idempotent. */
    public void release() {
      if (!released.compareAndSet(false, true)) {
        return;
      }
      watched.decrementAndGet();
      vertx.cancelTimer(timer);
      for (String digest : grant.digests()) {
        byDigest.computeIfPresent(digest, (d, logins) -> {
          logins.remove(this);
          return logins.isEmpty() ? null : logins;
        });
      }
    }
  }
}
