package io.tenantmq.mqtt.session;

import io.tenantmq.control.registry.ClientRecord;
import io.vertx.core.Context;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes, on a survivor, the will of a connection whose node crashed (taken by {@link NodeDown}): at once, or, with
 * a Will Delay Interval and a session that outlives its connection, once the delay or the session has run out,
 * whichever comes first, unless the client connected again meanwhile without a clean start, so resuming its session
 * [MQTT-3.1.3-9]. The registry tells: a record of another channel of the client means it came back. The wait lives in
 * the survivor's memory; should that node die too, the will is lost.
 */
final class SurvivorWills {

  private static final Logger LOG = LoggerFactory.getLogger(SurvivorWills.class);

  private final SessionServices services;

  SurvivorWills(SessionServices services) {
    this.services = services;
  }

  /** Publishes {@code will} of the connection {@code gone} now or after its delay; runs on {@code context}. */
  void publish(ClientRecord gone, StoredWill will, Context context) {
    if (will.delaySeconds() == 0 || gone.sessionExpirySeconds() == 0) {
      send(gone, will);
      return;
    }
    // the client may already be back: a CONNECT elsewhere is what reported this connection
    decide(gone, will, context, false);
  }

  private void decide(ClientRecord gone, StoredWill will, Context context, boolean delayOver) {
    Future.fromCompletionStage(services.registry().get(gone.key()), context).onComplete(ar -> {
      ClientRecord now = ar.succeeded() ? ar.result().orElse(null) : null;
      boolean back = now != null && !now.channelId().equals(gone.channelId());
      if (back && !now.cleanStart()) {
        LOG.debug("delayed will of {} cancelled: the client resumed its session", gone.key());
      } else if (back || delayOver) {
        send(gone, will); // a clean start ended the session; or nobody came back in time
      } else {
        long waitMillis = Math.min(will.delaySeconds(), gone.sessionExpirySeconds()) * 1000;
        services.vertx().setTimer(waitMillis, id -> decide(gone, will, context, true));
      }
    });
  }

  private void send(ClientRecord gone, StoredWill will) {
    services.publish(will.message(gone.key(), System.currentTimeMillis()));
  }
}
