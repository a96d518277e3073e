package io.tenantmq.mqtt.session;

import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.mqtt.event.ClientChannels;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takeover across nodes over the event bus: the node that accepts a CONNECT asks the node that owned the client to
 * close the old connection and hand over (or drop) its session. If the old node does not answer in time the new
 * connection goes ahead without the old session.
 */
public final class RemoteTakeover {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteTakeover.class);

  static String address(String node) {
    return "tenantmq.node." + node + ".takeover";
  }

  private final Vertx vertx;
  private final NodeSessions sessions;
  private final ClientChannels channels;
  private final long timeoutMillis;
  private MessageConsumer<JsonObject> consumer;

  public RemoteTakeover(Vertx vertx, NodeSessions sessions, ClientChannels channels, long timeoutMillis) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.channels = channels;
    this.timeoutMillis = timeoutMillis;
  }

  /** Answers takeover requests addressed to {@code localNode}. */
  public Future<Void> serve(String localNode) {
    consumer = vertx.eventBus().consumer(address(localNode), request -> {
      JsonObject body = request.body();
      ClientKey key = new ClientKey(body.getString("instanceId"), body.getString("clientId"));
      boolean keepState = body.getBoolean("keepState", false);
      Session session = sessions.get(key);
      if (session == null) {
        // a connection that just ended here may still be recording its tcpclean
        Future.fromCompletionStage(channels.settled(key), vertx.getOrCreateContext())
            .onComplete(v -> request.reply(Buffer.buffer()));
        return;
      }
      session.context().runOnContext(v -> {
        SessionState state = session.handOver(null, keepState);
        // the answer lets the new connection record its connect: only after the old one's tcpclean is stored
        Future.fromCompletionStage(channels.settled(key), session.context())
            .onComplete(x -> request.reply(state == null ? Buffer.buffer() : state.encode()));
      });
    });
    return consumer.completion();
  }

  public Future<Void> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  /** Asks {@code node} to give up {@code key}; the session state if {@code keepState} and it had one, else null. */
  Future<SessionState> request(String node, ClientKey key, boolean keepState) {
    return ask(node, key, keepState).recover(e -> Future.succeededFuture());
  }

  /**
   * As {@link #request}, but fails when {@code node} does not answer in time. An answer comes only once the events of
   * the client's connections there are stored.
   */
  Future<SessionState> ask(String node, ClientKey key, boolean keepState) {
    JsonObject body = new JsonObject().put("instanceId", key.instanceId()).put("clientId", key.clientId())
        .put("keepState", keepState);
    return vertx.eventBus().<Buffer>request(address(node), body, new DeliveryOptions().setSendTimeout(timeoutMillis))
        .map(reply -> reply.body().length() == 0 ? null : SessionState.decode(reply.body()))
        .onFailure(e -> LOG.warn("takeover of {} from node {} got no answer ({}); going on without its session", key,
            node, e.toString()));
  }
}
