package io.tenantmq.mqtt.session;

import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.mqtt.auth.Permissions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings stored persistent sessions whose node is gone back into a node's memory, so that their subscriptions route
 * again and messages for their offline clients queue here until the clients return (and take the session wherever
 * they connect) or the sessions expire.
 *
 * <p>Who adopts: every MQTT node, at two moments:
 * <ul>
 *   <li>when it starts, before it listens: the sessions whose owner is not a live node (a full restart, or nodes that
 *       died while no one adopted) and those that name this node (left from its previous run);</li>
 *   <li>after every member that leaves, crashed or stopped: the sessions whose owner is no longer alive.</li>
 * </ul>
 * Each adoption is a compare-and-set of the owner on the entry's partition ({@link SessionStore#adoptOrphans}), so of
 * the nodes that race for a session exactly one gets it, and the sessions of a departed node spread over the
 * survivors partition by partition. Not "the oldest member adopts": the oldest may be a gateway-only member without
 * an MQTT node, and one adopter would take a dead node's whole load at once. A CONNECT that claims a session
 * meanwhile wins over the adopters the same way, or takes the session from the one that got it. After recreating a
 * session the adopter checks that the entry is still its own; if a connect claimed it in between, the adopted copy
 * ends at once.
 *
 * <p>What this leaves uncovered: messages published for a departed node's offline sessions after it stopped
 * receiving and before an adopter's routes are in place. After a clean stop that is the moment between the node
 * withdrawing its routes and the survivors seeing it leave; after a crash, the time the survivors take to notice
 * (at most {@code hazelcast.max.no.heartbeat.seconds}, 6 s as {@code ClusterMember} configures it).
 */
public final class OrphanAdoption {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanAdoption.class);

  private final SessionServices services;
  private final Supplier<Set<String>> liveNodes;

  public OrphanAdoption(SessionServices services, Supplier<Set<String>> liveNodes) {
    this.services = services;
    this.liveNodes = liveNodes;
  }

  /**
   * Adopts the orphaned sessions (and, with {@code includeOwn}, the ones stored under this node's name); returns how
   * many now live here, once their routes are recorded.
   */
  public Future<Integer> adopt(boolean includeOwn) {
    String incarnation = UUID.randomUUID().toString().replace("-", "");
    return services.store()
        .adoptOrphans(services.node(), incarnation, liveNodes.get(), includeOwn, System.currentTimeMillis())
        .compose(adopted -> {
          List<Future<Boolean>> each = new ArrayList<>();
          adopted.forEach((key, stored) -> each.add(recreate(key, stored)));
          return Future.join(each).map(v -> (int) each.stream().filter(f -> Boolean.TRUE.equals(f.result())).count());
        })
        .onSuccess(n -> {
          if (n > 0) {
            LOG.info("node {} adopted {} stored session(s)", services.node(), n);
          }
        });
  }

  private Future<Boolean> recreate(ClientKey key, StoredSession stored) {
    SessionState state;
    try {
      state = stored.decode();
    } catch (RuntimeException e) {
      LOG.warn("stored session of {} is unreadable and is dropped: {}", key, e.toString());
      return services.store().remove(key, stored.incarnation()).map(false);
    }
    Context context = ((VertxInternal) services.vertx()).createEventLoopContext();
    ConnectionInfo none = new ConnectionInfo(stored.incarnation(), "", null, 4, 0, false, null, stored.offlineSinceMillis(),
        Permissions.NONE, 0);
    Session session = new Session(key, context, services, none, stored.expirySeconds(),
        services.options().getMaxInflight());
    Promise<Boolean> done = Promise.promise();
    context.runOnContext(v -> {
      // one task: a CONNECT that finds this session here hands it over only after it holds the adopted state
      if (!services.sessions().putIfAbsent(session)) {
        done.complete(false); // a connection of this client is being set up here; its claim wins
        return;
      }
      session.adopt(state)
          .compose(routed -> services.store().get(key))
          .onComplete(ar -> {
            boolean stillOurs = ar.succeeded() && ar.result().map(s -> s.incarnation().equals(stored.incarnation()))
                .orElse(false);
            if (ar.failed()) {
              LOG.warn("adopted session of {} kept without checking its owner: {}", key, ar.cause().toString());
              stillOurs = true;
            }
            if (stillOurs) {
              session.awaitClient(stored.offlineSinceMillis(), stored.expiresAtMillis());
            } else {
              session.superseded();
            }
            done.complete(stillOurs);
          });
    });
    return done.future();
  }
}
