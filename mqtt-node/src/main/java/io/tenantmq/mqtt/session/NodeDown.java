package io.tenantmq.mqtt.session;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.mqtt.event.ClientChannels;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of a node that crashed: each gets exactly one {@code tcpclean} with reason {@code node_down}, and
 * its will is published once, by a survivor.
 *
 * <p>Who reports a dead connection: whoever flips its registry record from CONNECTED, and nobody else. Two can try:
 * the oldest member's sweep after the member leaves ({@code registry.endNode}, which returns exactly the records it
 * flipped) and a node where the client connects again ({@code registry.connect}, which returns the record it
 * replaced). Both flips are entry processors on the record's partition, so exactly one of them sees the record
 * CONNECTED on the dead node: that one appends the tcpclean and takes the will (a remove that only succeeds for that
 * channel, {@link WillStore#take}).
 *
 * <p>Order: per client the stream must hold the dead channel's tcpclean before the new channel's connect.
 * <ul>
 *   <li>The connecting node flipped it: it appends the tcpclean itself and opens the new channel's events after it
 *       ({@link #report}).</li>
 *   <li>The sweep flipped it first: the sweep's tcpclean may still be under way when the client's connect elsewhere
 *       is ready. The sweep leaves the record DISCONNECTED on the dead node, and once every tcpclean of the sweep is
 *       stored it notes "node X swept at T" ({@link MapNames#NODE_SWEEPS}, T = the time it wrote into the records). A
 *       connecting node whose previous record is DISCONNECTED on a dead node waits until that note is at least the
 *       record's disconnect time ({@link #awaitSwept}), asynchronously and at most {@value #SWEEP_WAIT_MILLIS} ms (a
 *       sweep that never comes, such as one that failed, must not keep the client out).</li>
 *   <li>A record the dead node itself ended before the crash needs no wait (a node changes a record only after the
 *       tcpclean is stored), but looks the same and waits for the sweep too; that costs only time.</li>
 * </ul>
 * After noting the sweep, the records of clean sessions are removed (as a normal close of a clean session does); those
 * of persistent sessions stay DISCONNECTED (their sessions are adopted by the survivors).
 *
 * <p>What this leaves open: a node ends a record only after the connection's tcpclean is stored, so a node that
 * crashes between the two leaves a CONNECTED record whose connection is then reported a second time ({@code node_down}
 * after its own tcpclean: still the same channel, still in order). A node the cluster counts alive that does not
 * answer a takeover three times ({@code takeoverTimeoutMillis} each) is taken for gone the same way.
 */
public final class NodeDown {

  private static final Logger LOG = LoggerFactory.getLogger(NodeDown.class);

  static final long SWEEP_WAIT_MILLIS = 5_000;
  private static final long SWEEP_POLL_MILLIS = 25;

  private final SessionServices services;
  private final ClientChannels channels;
  private final IMap<String, Long> sweeps;
  private final SurvivorWills wills;

  public NodeDown(SessionServices services, ClientChannels channels, HazelcastInstance hazelcast) {
    this.services = services;
    this.channels = channels;
    this.sweeps = hazelcast.getMap(MapNames.NODE_SWEEPS);
    this.wills = new SurvivorWills(services);
  }

  /**
   * Reports a connection of a dead node whose record the caller flipped from CONNECTED: publishes its will and appends
   * its tcpclean; completes when the tcpclean is stored.
   */
  public Future<Void> report(ClientRecord gone, long atMillis, Context context) {
    services.wills().take(gone.key(), gone.channelId(), context).onComplete(taken -> {
      if (taken.failed()) {
        LOG.warn("will of {} (dead node {}) not read: {}", gone.key(), gone.node(), taken.cause().toString());
      } else if (taken.result() != null) {
        wills.publish(gone, taken.result(), context);
      }
    });
    return Future.fromCompletionStage(channels.nodeDown(gone, atMillis), context);
  }

  /**
   * On the oldest member, once {@code deadNode} left: ends its records, reports each connection, then notes the sweep
   * and removes the records of its clean sessions. Returns how many connections it reported.
   */
  public Future<Integer> sweep(String deadNode, Context context) {
    long at = System.currentTimeMillis();
    return Future.fromCompletionStage(services.registry().endNode(deadNode, at), context).compose(flipped -> {
      List<Future<Void>> reported = new ArrayList<>(flipped.size());
      flipped.forEach(r -> reported.add(report(r, at, context)));
      return Future.join(reported)
          .transform(v -> Future.fromCompletionStage(sweeps.setAsync(deadNode, at), context))
          .map(v -> {
            for (ClientRecord r : flipped) {
              if (r.sessionExpirySeconds() == 0) {
                services.registry().remove(r.key(), r.channelId());
              }
            }
            LOG.info("departed node {}: {} connection(s) reported node_down", deadNode, flipped.size());
            return flipped.size();
          });
    });
  }

  /**
   * Completes once the sweep of {@code deadNode} that wrote {@code disconnectedAtMillis} into a record is noted, or
   * after {@value #SWEEP_WAIT_MILLIS} ms; never fails.
   */
  Future<Void> awaitSwept(String deadNode, long disconnectedAtMillis, Context context) {
    Promise<Void> done = Promise.promise();
    poll(deadNode, disconnectedAtMillis, System.currentTimeMillis() + SWEEP_WAIT_MILLIS, context, done);
    return done.future();
  }

  private void poll(String deadNode, long atLeast, long deadline, Context context, Promise<Void> done) {
    Future.fromCompletionStage(sweeps.getAsync(deadNode), context).onComplete(ar -> {
      if (ar.succeeded() && ar.result() != null && ar.result() >= atLeast) {
        done.complete();
      } else if (System.currentTimeMillis() >= deadline) {
        LOG.warn("no sweep of departed node {} noted within {} ms; a connect goes ahead", deadNode, SWEEP_WAIT_MILLIS);
        done.complete();
      } else {
        services.vertx().setTimer(SWEEP_POLL_MILLIS, id -> poll(deadNode, atLeast, deadline, context, done));
      }
    });
  }
}
