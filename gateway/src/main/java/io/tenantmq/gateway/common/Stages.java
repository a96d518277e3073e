package io.tenantmq.gateway.common;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionStage;

/**
 * Bridges the control plane's {@link CompletionStage}s (completed on Hazelcast or worker threads) to Vert.x futures
 * whose continuations run on the request's event loop again.
 */
public final class Stages {

  private Stages() {
  }

  public static <T> Future<T> on(RoutingContext ctx, CompletionStage<T> stage) {
    return Future.fromCompletionStage(stage, ctx.vertx().getOrCreateContext());
  }
}
