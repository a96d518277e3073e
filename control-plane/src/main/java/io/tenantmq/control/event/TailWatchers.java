package io.tenantmq.control.event;

import com.hazelcast.ringbuffer.Ringbuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What this member's long polls wait on: per instance stream at most one read parked on the ringbuffer's partition,
 * unfiltered, for the next event at or after the offset it was armed at. When it completes every local waiter is woken
 * (each reads again with its own filter from its own offset, and waits again if nothing matched); the next waiter
 * arms the next read. A waiter times out here, locally: its read is not cancelled, because a parked Hazelcast read
 * cannot be, so a read parked per long poll would pile up on a quiet stream, one per timed-out poll. Shared, a timed-out
 * wait leaves at most the one read of its stream, which the next waiter reuses.
 */
final class TailWatchers {

  private final Function<String, Ringbuffer<ClientEvent>> rings;
  private final Map<String, Watch> watches = new ConcurrentHashMap<>();

  TailWatchers(Function<String, Ringbuffer<ClientEvent>> rings) {
    this.rings = rings;
  }

  /** One stream's parked read: armed for the first event at offset {@code at} or later, and who waits for it. */
  private static final class Watch {
    final long at;
    final List<CompletableFuture<Boolean>> waiters = new ArrayList<>();

    Watch(long at) {
      this.at = at;
    }
  }

  /**
   * Completes with true once the stream of {@code instanceId} may hold an event at offset {@code from} or later (the
   * caller reads to know), with false when {@code timeout} is over first.
   *
   * @param stale the caller was woken for {@code from} and found nothing there: a read armed past it is not to be
   *              trusted (the stream was deleted and started again), so one is armed at {@code from}
   */
  CompletableFuture<Boolean> await(String instanceId, long from, Duration timeout, boolean stale) {
    CompletableFuture<Boolean> waiter = new CompletableFuture<>();
    Watch[] armed = new Watch[1];
    watches.compute(instanceId, (id, watch) -> {
      if (watch == null || (stale && from < watch.at)) {
        Watch fresh = new Watch(from);
        if (watch != null) {
          fresh.waiters.addAll(watch.waiters);
        }
        watch = fresh;
        armed[0] = watch;
      }
      if (from < watch.at) {
        // the read was armed past this offset, so the stream already holds events there
        waiter.complete(true);
      } else {
        watch.waiters.add(waiter);
      }
      return watch;
    });
    if (armed[0] != null) {
      arm(instanceId, armed[0]);
    }
    // the waiter leaves its watch before it completes, so that whoever its completion wakes sees it gone
    CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
      if (waiter.isDone()) {
        return;
      }
      // the watch stays while its read is parked, for the next waiter
      watches.computeIfPresent(instanceId, (id, watch) -> {
        watch.waiters.remove(waiter);
        return watch;
      });
      waiter.complete(false);
    });
    return waiter;
  }

  private void arm(String instanceId, Watch watch) {
    rings.apply(instanceId).readManyAsync(watch.at, 1, 1, null).whenComplete((read, failure) -> {
      // an event arrived (or the read failed, e.g. the stream was deleted): every waiter reads again
      List<CompletableFuture<Boolean>> woken = new ArrayList<>();
      watches.computeIfPresent(instanceId, (id, current) -> {
        if (current != watch) {
          return current;
        }
        woken.addAll(watch.waiters);
        return null;
      });
      woken.forEach(w -> w.complete(true));
    });
  }

  /** Reads parked for this member's waiters: one per stream at most. */
  int parkedReads() {
    return watches.size();
  }

  /** Waiters of this member on {@code instanceId}'s stream. */
  int waiters(String instanceId) {
    int[] count = {0};
    watches.computeIfPresent(instanceId, (id, watch) -> {
      count[0] = watch.waiters.size();
      return watch;
    });
    return count[0];
  }
}
