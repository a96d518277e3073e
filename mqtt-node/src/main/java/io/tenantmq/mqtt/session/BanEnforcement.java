package io.tenantmq.mqtt.session;

import io.tenantmq.control.ban.Ban;
import io.tenantmq.control.ban.BanList;
import io.tenantmq.control.ban.BanMatcher;
import io.tenantmq.control.registry.ClientKey;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bans of the instances as this node applies them: a CONNECT that a ban matches is refused, and a ban added
 * anywhere in the cluster closes the live connections on this node that it matches, as a kick does (MQTT 5:
 * DISCONNECT 0x98 "administrative action", which is what EMQX sends when it kicks a client; a persistent session stays,
 * and its client cannot connect to it while the ban lasts).
 *
 * <p>Owned by: nobody. {@link #check} reads the ban list's in-memory copy from any thread; closing hops to each
 * session's own context.
 */
public final class BanEnforcement {

  private static final Logger LOG = LoggerFactory.getLogger(BanEnforcement.class);

  private final BanList bans;
  private final NodeSessions sessions;
  private volatile boolean stopped;

  public BanEnforcement(BanList bans, NodeSessions sessions) {
    this.bans = bans;
    this.sessions = sessions;
  }

  /** From now on, every ban added in the cluster closes the matching connections here. */
  public void start() {
    bans.onAdded(this::added);
  }

  /** Added bans close nothing here any more (the node is stopping; the ban list keeps its listener). */
  public void stop() {
    stopped = true;
  }

  /** The active ban that refuses a connection of {@code key}, if any; never blocks. */
  public Optional<Ban> check(ClientKey key, ConnectionInfo connection) {
    return bans.check(key.instanceId(), key.clientId(), connection.username(), connection.peerHost());
  }

  /** On a Hazelcast thread: closes each live connection of the ban's instance that it matches. */
  private void added(Ban ban) {
    if (stopped) {
      return;
    }
    long now = System.currentTimeMillis();
    if (!ban.activeAt(now)) {
      return;
    }
    BanMatcher matcher = BanMatcher.of(ban);
    int matched = 0;
    for (Session session : sessions.all()) {
      ClientKey key = session.key();
      ConnectionInfo c = session.connection();
      if (key.instanceId().equals(ban.instanceId()) && matcher.matches(key.clientId(), c.username(), c.peerHost())) {
        matched++;
        session.context().runOnContext(v -> {
          if (session.ban()) {
            LOG.debug("closed {} ({}): banned", key, c.address());
          }
        });
      }
    }
    if (matched > 0) {
      // one line per ban, not per connection: a ban of a network may match thousands
      LOG.info("ban {} matches {} session(s) here; live connections among them are closed", ban.key(), matched);
    }
  }
}
