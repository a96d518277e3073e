package io.tenantmq.mqtt.command;

import io.tenantmq.control.command.CommandHandler;
import io.tenantmq.control.command.NodeReport;
import io.tenantmq.control.command.PublishCommand;
import io.tenantmq.control.command.QueuedMessage;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.mqtt.metrics.NodeReports;
import io.tenantmq.mqtt.retain.RetainStore;
import io.tenantmq.mqtt.route.Message;
import io.tenantmq.mqtt.route.Router;
import io.tenantmq.mqtt.session.NodeSessions;
import io.tenantmq.mqtt.session.Session;
import io.tenantmq.mqtt.subscription.TopicFilter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What a command from the management APIs does on this node. Called on a Hazelcast executor thread: a command for a
 * client runs on its session's context (the session's owner), a publish on the node's command context, a report on the
 * calling thread (it only reads counters). A malformed topic or filter, a keepalive outside 0..65535 or a message limit
 * below 1 fails the stage with {@link IllegalArgumentException}; callers validate before sending.
 */
public final class NodeCommandHandler implements CommandHandler {

  static final int MAX_KEEPALIVE_SECONDS = 65_535;

  private final NodeSessions sessions;
  private final Router router;
  private final RetainStore retained;
  private final NodeReports reports;
  private final Context publishContext;

  /** @param publishContext an event-loop context of this node, where publishes run */
  public NodeCommandHandler(NodeSessions sessions, Router router, RetainStore retained, NodeReports reports,
                            Context publishContext) {
    this.sessions = sessions;
    this.router = router;
    this.retained = retained;
    this.reports = reports;
    this.publishContext = publishContext;
  }

  @Override
  public CompletionStage<Boolean> kick(ClientKey key) {
    Session session = sessions.get(key);
    return session == null ? done(false) : on(session.context(), () -> Future.succeededFuture(session.kick()));
  }

  @Override
  public CompletionStage<Boolean> subscribe(ClientKey key, String topicFilter, int qos) {
    TopicFilter filter;
    try {
      filter = TopicFilter.parse(topicFilter);
      if (qos < 0 || qos > 2) {
        throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
      }
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    Session session = sessions.get(key);
    return session == null ? done(false) : on(session.context(), () -> session.subscribeOnBehalf(filter, qos));
  }

  @Override
  public CompletionStage<Boolean> unsubscribe(ClientKey key, String topicFilter) {
    Session session = sessions.get(key);
    return session == null ? done(false)
        : on(session.context(), () -> Future.succeededFuture(session.unsubscribeOnBehalf(topicFilter)));
  }

  /**
   * Stores a retained message first (empty payload: deletes it), so that once the stage completes a new subscriber
   * gets it, then routes it; returns {@link Router#publish}'s count of matching sessions and nodes.
   */
  @Override
  public CompletionStage<Integer> publish(PublishCommand command) {
    Message message;
    try {
      message = CommandMessages.toMessage(command);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return on(publishContext, () -> {
      Future<Void> stored = message.retain() ? retained.store(message) : Future.succeededFuture();
      return stored.map(v -> router.publish(message));
    });
  }

  /** @throws IllegalArgumentException (failing the stage) for a keepalive outside 0..65535, MQTT's two-byte range */
  @Override
  public CompletionStage<Boolean> setKeepAlive(ClientKey key, int seconds) {
    if (seconds < 0 || seconds > MAX_KEEPALIVE_SECONDS) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "keepalive must be 0.." + MAX_KEEPALIVE_SECONDS + " seconds, was " + seconds));
    }
    Session session = sessions.get(key);
    return session == null ? done(false) : on(session.context(), () -> session.setKeepAlive(seconds));
  }

  @Override
  public CompletionStage<Optional<List<QueuedMessage>>> messages(ClientKey key, boolean inflight, int limit) {
    if (limit < 1) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("limit must be at least 1, was " + limit));
    }
    Session session = sessions.get(key);
    return session == null ? done(Optional.empty())
        : on(session.context(), () -> Future.succeededFuture(Optional.of(session.messages(inflight, limit))));
  }

  /** Reads counters only: answered on the calling thread. */
  @Override
  public CompletionStage<NodeReport> report(String instanceId) {
    return done(reports.report(instanceId));
  }

  private static <T> CompletionStage<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  /** Runs {@code work} on {@code context}; the stage completes with its future's outcome. */
  private static <T> CompletionStage<T> on(Context context, Supplier<Future<T>> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        work.get().onComplete(ar -> {
          if (ar.succeeded()) {
            result.complete(ar.result());
          } else {
            result.completeExceptionally(ar.cause());
          }
        });
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }
}
