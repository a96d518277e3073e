package io.tenantmq.bench.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Bridges between the driver's main thread, which sequences the phases, and the clients' event loops. */
final class Await {
  private Await() {
  }

  /** Blocks the calling (non event loop) thread; a failure or timeout becomes a BenchException naming {@code what}. */
  static <T> T result(Future<T> future, Duration timeout, String what) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new BenchException(what + ": no answer within " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      throw new BenchException(what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException(what + ": interrupted");
    }
  }

  /** Runs {@code action} on {@code context}, so a client created there binds to that event loop. */
  static <T> Future<T> onContext(Context context, Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> {
      try {
        action.get().onComplete(promise);
      } catch (RuntimeException e) {
        promise.tryFail(e);
      }
    });
    return promise.future();
  }

  /** Sleeps the main thread through a load phase; the clients keep running on their event loops. */
  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted");
    }
  }
}
