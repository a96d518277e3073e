package io.tenantmq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {

  static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(2);
  static final Duration DRAIN = Duration.ofSeconds(5);

  @AfterAll
  static void stop() {
    TIMER.shutdownNow();
  }

  /** A call that completes on another thread after {@code millis}. */
  static CompletableFuture<?> after(long millis, Throwable failure) {
    CompletableFuture<Object> f = new CompletableFuture<>();
    TIMER.schedule(() -> failure == null ? f.complete("ok") : f.completeExceptionally(failure), millis, TimeUnit.MILLISECONDS);
    return f;
  }

  @Test
  void keepsTheConfiguredNumberOfCallsInFlightAndRecordsEachLatency() {
    ClosedLoop loop = new ClosedLoop(4, () -> after(2, null), t -> t.getClass().getSimpleName());

    ClosedLoop.Result r = loop.run(Duration.ofMillis(300), DRAIN);

    assertThat(r.maxInFlight()).isEqualTo(4);
    assertThat(r.failures()).isEmpty();
    assertThat(r.succeeded()).isPositive();
    assertThat(r.latencyMicros().getTotalCount()).isEqualTo(r.succeeded());
    assertThat(r.p50Micros()).isGreaterThanOrEqualTo(2_000);
    // 4 callers of >= 2 ms calls cannot exceed 2,000 calls/s
    assertThat(r.callsPerSecond()).isLessThanOrEqualTo(2_000);
    assertThat(r.elapsedNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
  }

  @Test
  void failuresAreCountedByKindAndKeptOutOfTheLatencies() {
    AtomicLong n = new AtomicLong();
    ClosedLoop loop = new ClosedLoop(2,
        () -> n.incrementAndGet() % 3 == 0 ? after(1, new IllegalStateException("x")) : after(1, null),
        t -> t.getClass().getSimpleName());

    ClosedLoop.Result r = loop.run(Duration.ofMillis(200), DRAIN);

    assertThat(r.failures()).containsOnlyKeys("IllegalStateException");
    assertThat(r.failed()).isPositive();
    assertThat(r.latencyMicros().getTotalCount()).isEqualTo(r.succeeded());
    assertThat(r.succeeded() + r.failed()).isEqualTo(n.get());
  }

  @Test
  void callsThatCompleteAtOnceOrThrowDoNotGrowTheStack() {
    AtomicLong n = new AtomicLong();
    AtomicInteger shallowest = new AtomicInteger(Integer.MAX_VALUE);
    AtomicInteger deepest = new AtomicInteger();
    ClosedLoop loop = new ClosedLoop(2, () -> {
      int depth = Thread.currentThread().getStackTrace().length;
      shallowest.accumulateAndGet(depth, Math::min);
      deepest.accumulateAndGet(depth, Math::max);
      if (n.incrementAndGet() % 2 == 0) {
        throw new IllegalArgumentException("bad call");
      }
      return CompletableFuture.completedFuture("ok");
    }, t -> t.getClass().getSimpleName());

    ClosedLoop.Result r = loop.run(Duration.ofMillis(500), DRAIN);

    // many calls in a row completed at once (each one would add frames if completion recursed)
    assertThat(r.succeeded()).isGreaterThan(20);
    // every call starts from the same loop frame: no recursion per completed call
    assertThat(deepest.get() - shallowest.get()).isLessThan(5);
    assertThat(r.failures()).containsOnlyKeys("IllegalArgumentException");
    assertThat(r.maxInFlight()).isLessThanOrEqualTo(2);
  }
}
