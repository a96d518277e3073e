package io.tenantmq.mqtt.session;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/** Closes every session of a node, each on its own context, for a clean shutdown. */
public final class SessionShutdown {

  private SessionShutdown() {
  }

  public static Future<Void> closeAll(NodeSessions sessions) {
    List<Future<Void>> done = new ArrayList<>();
    for (Session session : List.copyOf(sessions.all())) {
      Promise<Void> closed = Promise.promise();
      session.context().runOnContext(v -> {
        try {
          session.shutdown();
        } finally {
          closed.complete();
        }
      });
      done.add(closed.future());
    }
    return Future.join(done).mapEmpty();
  }
}
