package io.tenantmq.bench.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code concurrency} callers, each starting its next call when the previous one completes, until
 * the phase ends. Latency is measured per call from start to completion, so it is the service time seen by a client
 * that keeps that many calls in flight, not a queueing artefact of an open-loop rate. Calls started before the end of
 * the phase are waited for and counted; the phase's elapsed time runs until the last of them completed.
 */
final class ClosedLoop {

  /**
   * What one phase measured.
   *
   * @param latencyMicros  latencies of the calls that succeeded, in microseconds
   * @param failures       failed calls by kind (an API error code, or the exception's class)
   * @param maxInFlight    the most calls that were ever in flight at once; never above the concurrency
   */
  record Result(Histogram latencyMicros, long succeeded, Map<String, Long> failures, long elapsedNanos, int maxInFlight) {
    long failed() {
      return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    double callsPerSecond() {
      return (succeeded + failed()) * 1e9 / elapsedNanos;
    }

    double p50Micros() {
      return latencyMicros.getValueAtPercentile(50);
    }

    double p99Micros() {
      return latencyMicros.getValueAtPercentile(99);
    }
  }

  private final int concurrency;
  private final Supplier<CompletableFuture<?>> call;
  private final Function<Throwable, String> failureKind;

  /**
   * @param call         starts one call; its future completes (normally or not) when the call is done
   * @param failureKind  names the kind of a failure, e.g. by its API error code
   */
  ClosedLoop(int concurrency, Supplier<CompletableFuture<?>> call, Function<Throwable, String> failureKind) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    this.concurrency = concurrency;
    this.call = call;
    this.failureKind = failureKind;
  }

  /** Runs one phase of {@code duration} and blocks the calling thread until every call it started has completed. */
  Result run(Duration duration, Duration drainTimeout) {
    Phase phase = new Phase(duration);
    for (int i = 0; i < concurrency; i++) {
      phase.next();
    }
    try {
      if (!phase.done.await(duration.plus(drainTimeout).toMillis(), TimeUnit.MILLISECONDS)) {
        throw new BenchException("calls still running " + drainTimeout.toSeconds() + " s after the phase ended");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted");
    }
    Map<String, Long> failures;
    synchronized (phase.failures) {
      failures = new TreeMap<>(phase.failures);
    }
    return new Result(phase.latencies, phase.succeeded.get(), failures, System.nanoTime() - phase.startNanos,
        phase.maxInFlight.get());
  }

  /** The state of one phase, shared by its callers. */
  private final class Phase {
    final Histogram latencies = new ConcurrentHistogram(3);
    final AtomicLong succeeded = new AtomicLong();
    final Map<String, Long> failures = new TreeMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final CountDownLatch done = new CountDownLatch(concurrency);
    final long startNanos;
    final long deadlineNanos;

    Phase(Duration duration) {
      // after the fields above: the first histogram loads classes, which must not eat into the phase
      startNanos = System.nanoTime();
      deadlineNanos = startNanos + duration.toNanos();
    }

    /**
     * Starts this caller's calls one after the other. A call that completes at once (already done when it returns) is
     * handled in the loop rather than by a callback, so a fast caller cannot grow the stack.
     */
    void next() {
      while (System.nanoTime() < deadlineNanos) {
        long started = System.nanoTime();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        CompletableFuture<?> future = start();
        if (future.isDone()) {
          completed(future, started);
          continue;
        }
        future.whenComplete((value, failure) -> {
          completed(future, started);
          next();
        });
        return;
      }
      done.countDown();
    }

    private CompletableFuture<?> start() {
      try {
        return call.get();
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    private void completed(CompletableFuture<?> future, long startedNanos) {
      long micros = Math.max(1, (System.nanoTime() - startedNanos) / 1_000);
      inFlight.decrementAndGet();
      try {
        future.join();
        latencies.recordValue(micros);
        succeeded.incrementAndGet();
      } catch (CompletionException | CancellationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String kind = failureKind.apply(cause);
        synchronized (failures) {
          failures.merge(kind, 1L, Long::sum);
        }
      }
    }
  }
}
