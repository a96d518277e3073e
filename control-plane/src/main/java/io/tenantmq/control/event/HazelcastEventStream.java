package io.tenantmq.control.event;

import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.config.RingbufferStoreConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IFunction;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.ringbuffer.OverflowPolicy;
import com.hazelcast.ringbuffer.ReadResultSet;
import com.hazelcast.ringbuffer.Ringbuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@link EventStream} on one Hazelcast {@code Ringbuffer} per instance ({@link #PREFIX}{@code instanceId}): the
 * ringbuffer's sequence is the offset. In memory it holds the newest events (its capacity); with a durable store
 * every event is also stored in the store's {@link EventArchive}, which keeps what is older than the
 * in-memory head (the whole stream after a restart of the cluster) for as long as the retention says. Reads below the
 * head go to the archive, one range query each, skipping offsets the retention dropped; reads from the head on go to
 * the ringbuffer's partition, where the subscription's filter runs. A long poll waits on this member's
 * {@link TailWatchers}: one parked read per stream, however many polls wait. The archive may queue what it stores
 * (write-behind): when this member shuts down it is flushed.
 */
public final class HazelcastEventStream implements EventStream {

  /** Ringbuffer names: this prefix and the instance id. */
  public static final String PREFIX = "tenantmq.events.";

  private final HazelcastInstance hazelcast;
  private final Executor executor;
  private final EventArchive archive;
  /** A ringbuffer read may not ask for more. */
  private final int capacity;
  private final TailWatchers watchers = new TailWatchers(this::of);

  public HazelcastEventStream(HazelcastInstance hazelcast, Executor executor) {
    this.hazelcast = hazelcast;
    this.executor = executor;
    RingbufferConfig config = hazelcast.getConfig().findRingbufferConfig(PREFIX + "any");
    this.capacity = config.getCapacity();
    // the archive the member's configuration gives the event ringbuffers as their store
    RingbufferStoreConfig store = config.getRingbufferStoreConfig();
    this.archive = store != null && store.isEnabled() && store.getFactoryImplementation() instanceof EventArchive a
        ? a : null;
    if (archive != null) {
      // a clean shutdown: once the member is out, what it stored is written before the process goes on to stop
      hazelcast.getLifecycleService().addLifecycleListener(change -> {
        if (change.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
          archive.flush(Duration.ofSeconds(10));
        }
      });
    }
  }

  private Ringbuffer<ClientEvent> of(String instanceId) {
    return hazelcast.getRingbuffer(PREFIX + instanceId);
  }

  @Override
  public CompletionStage<Long> append(ClientEvent event) {
    return of(event.instanceId()).addAsync(event, OverflowPolicy.OVERWRITE);
  }

  @Override
  public CompletionStage<List<ClientEvent>> read(String instanceId, long from, int max) {
    return read(instanceId, from, count(max), new Matches(null)).thenApply(EventBatch::events);
  }

  @Override
  public CompletionStage<EventBatch> follow(EventSubscription subscription, long from, int max, Duration longPoll) {
    String instanceId = subscription.topic().instanceId();
    int count = count(max);
    Matches filter = new Matches(subscription);
    // first without waiting, which also steps over events the filter drops
    return read(instanceId, from, count, filter).thenCompose(first -> {
      if (!first.events().isEmpty() || longPoll.isZero() || longPoll.isNegative()) {
        return CompletableFuture.completedFuture(first);
      }
      return await(instanceId, first.nextOffset(), count, filter, System.nanoTime() + longPoll.toNanos(), false);
    });
  }

  /**
   * Waits for an event at {@code from} or later, then reads with the filter; again while nothing matched, until
   * {@code deadline} ({@link System#nanoTime}).
   */
  private CompletionStage<EventBatch> await(String instanceId, long from, int count, Matches filter, long deadline,
                                            boolean stale) {
    EventBatch none = new EventBatch(List.of(), from);
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return CompletableFuture.completedFuture(none);
    }
    return watchers.await(instanceId, from, Duration.ofNanos(left), stale).thenCompose(woken -> !woken
        ? CompletableFuture.completedFuture(none)
        : read(instanceId, from, count, filter).thenCompose(batch -> batch.events().isEmpty()
            ? await(instanceId, batch.nextOffset(), count, filter, deadline, batch.nextOffset() <= from)
            : CompletableFuture.completedFuture(batch)));
  }

  /** Reads this member's long polls keep parked: at most one per stream. */
  int parkedReads() {
    return watchers.parkedReads();
  }

  /** Long polls of this member waiting on {@code instanceId}'s stream. */
  int waiters(String instanceId) {
    return watchers.waiters(instanceId);
  }

  private static int count(int max) {
    return Math.max(1, Math.min(max, MAX_READ));
  }

  /**
   * Up to {@code count} events passing {@code filter} from {@code from} on, without waiting: first what the archive
   * holds below the in-memory head, then from the ringbuffer.
   */
  private CompletionStage<EventBatch> read(String instanceId, long from, int count, Matches filter) {
    Ringbuffer<ClientEvent> ring = of(instanceId);
    // headSequence and tailSequence are reads of the partition owner, and the archive is a database: both block
    return CompletableFuture.supplyAsync(() -> {
      long head = ring.headSequence();
      long start = from;
      List<ClientEvent> matching = new ArrayList<>();
      if (archive != null) {
        while (start < head) {
          List<ClientEvent> stored = archive.read(ring.getName(), start, head, MAX_READ);
          if (stored.isEmpty()) {
            break;
          }
          for (ClientEvent event : stored) {
            if (filter.apply(event)) {
              matching.add(event);
              if (matching.size() == count) {
                return new Stored(matching, event.offset() + 1, false);
              }
            }
          }
          start = stored.get(stored.size() - 1).offset() + 1;
          if (stored.size() < MAX_READ) {
            break;
          }
        }
      }
      // then the ringbuffer: never below its head (older events are gone), never past the next offset
      return new Stored(matching, Math.min(Math.max(start, head), ring.tailSequence() + 1), true);
    }, executor).thenCompose(stored -> {
      if (!stored.readOn()) {
        return CompletableFuture.completedFuture(new EventBatch(stored.events(), stored.next()));
      }
      return ring.readManyAsync(stored.next(), 0, Math.min(count - stored.events().size(), capacity), filter)
          .thenApply(read -> {
            EventBatch more = batch(read, stored.next());
            if (stored.events().isEmpty()) {
              return more;
            }
            List<ClientEvent> events = new ArrayList<>(stored.events());
            events.addAll(more.events());
            return new EventBatch(events, more.nextOffset());
          });
    });
  }

  /** What a read found in the archive, where it goes on, and whether the ringbuffer has to be read from there. */
  private record Stored(List<ClientEvent> events, long next, boolean readOn) {
  }

  private static EventBatch batch(ReadResultSet<ClientEvent> read, long start) {
    // a read at the tail that found nothing answers 0 as its next sequence: it is still the start
    return new EventBatch(withOffsets(read), Math.max(start, read.getNextSequenceToReadFrom()));
  }

  /**
   * The filter a read sends to the ringbuffer's partition owner. Drops nulls: what the ringbuffer loads from its
   * store for an offset the retention deleted.
   *
   * @param subscription null: every event
   */
  private record Matches(EventSubscription subscription) implements IFunction<ClientEvent, Boolean> {
    @Override
    public Boolean apply(ClientEvent event) {
      return event != null && (subscription == null || subscription.includes(event));
    }
  }

  private static List<ClientEvent> withOffsets(ReadResultSet<ClientEvent> batch) {
    List<ClientEvent> events = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      events.add(batch.get(i).at(batch.getSequence(i)));
    }
    return events;
  }

  @Override
  public CompletionStage<List<ClientEvent>> history(String instanceId, String clientId, long fromMillis, long toMillis) {
    Ringbuffer<ClientEvent> ring = of(instanceId);
    Matches present = new Matches(null);
    return CompletableFuture.supplyAsync(() -> {
      List<ClientEvent> found = new ArrayList<>();
      long next = ring.headSequence();
      if (archive != null) {
        for (ClientEvent event : archive.between(ring.getName(), fromMillis, toMillis, next)) {
          if (event.clientId().equals(clientId)) {
            found.add(event);
          }
        }
      }
      long tail = ring.tailSequence();
      while (next <= tail) {
        ReadResultSet<ClientEvent> batch = ring.readManyAsync(next, 0, Math.min(MAX_READ, capacity), present).toCompletableFuture().join();
        if (batch.readCount() == 0) {
          break;
        }
        for (ClientEvent event : withOffsets(batch)) {
          if (event.clientId().equals(clientId) && event.timeMillis() >= fromMillis && event.timeMillis() <= toMillis) {
            found.add(event);
          }
        }
        next = batch.getNextSequenceToReadFrom();
      }
      return found;
    }, executor);
  }

  @Override
  public CompletionStage<Long> nextOffset(String instanceId) {
    Ringbuffer<ClientEvent> ring = of(instanceId);
    return CompletableFuture.supplyAsync(() -> ring.tailSequence() + 1, executor);
  }

  @Override
  public CompletionStage<Void> delete(String instanceId) {
    Ringbuffer<ClientEvent> ring = of(instanceId);
    return CompletableFuture.runAsync(() -> {
      // the rows first: a ringbuffer created again would otherwise continue after the stored offsets
      if (archive != null) {
        archive.delete(ring.getName());
      }
      ring.destroy();
    }, executor);
  }
}
