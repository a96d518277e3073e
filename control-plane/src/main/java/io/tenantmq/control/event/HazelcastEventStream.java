package io.tenantmq.control.event;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.ringbuffer.OverflowPolicy;
import com.hazelcast.ringbuffer.ReadResultSet;
import com.hazelcast.ringbuffer.Ringbuffer;
import com.hazelcast.core.IFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * {@link EventStream} on one Hazelcast {@code Ringbuffer} per instance ({@link #PREFIX}{@code instanceId}): the
 * ringbuffer's sequence is the offset, and its capacity is the retention (the oldest events are overwritten).
 */
public final class HazelcastEventStream implements EventStream {

  /** Ringbuffer names: this prefix and the instance id. */
  public static final String PREFIX = "tenantmq.events.";

  private final HazelcastInstance hazelcast;
  private final Executor executor;

  public HazelcastEventStream(HazelcastInstance hazelcast, Executor executor) {
    this.hazelcast = hazelcast;
    this.executor = executor;
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
    Ringbuffer<ClientEvent> ring = of(instanceId);
    // headSequence and tailSequence are local reads of the proxy's partition owner: cheap, but blocking calls
    return CompletableFuture.supplyAsync(() -> {
      long start = Math.max(from, ring.headSequence());
      long tail = ring.tailSequence();
      return start > tail ? -1L : start;
    }, executor).thenCompose(start -> {
      if (start < 0) {
        return CompletableFuture.completedFuture(List.of());
      }
      return ring.readManyAsync(start, 0, Math.max(1, Math.min(max, MAX_READ)), null).thenApply(HazelcastEventStream::withOffsets);
    });
  }

  @Override
  public CompletionStage<EventBatch> follow(EventSubscription subscription, long from, int max, Duration longPoll) {
    Ringbuffer<ClientEvent> ring = of(subscription.topic().instanceId());
    int count = Math.max(1, Math.min(max, MAX_READ));
    Matches filter = new Matches(subscription);
    return CompletableFuture.supplyAsync(() -> Math.min(Math.max(from, ring.headSequence()), ring.tailSequence() + 1),
            executor)
        // first without waiting, which also steps over events the filter drops
        .thenCompose(start -> ring.readManyAsync(start, 0, count, filter).thenApply(read -> batch(read, start)))
        .thenCompose(first -> {
          if (!first.events().isEmpty() || longPoll.isZero() || longPoll.isNegative()) {
            return CompletableFuture.completedFuture(first);
          }
          EventBatch none = new EventBatch(List.of(), first.nextOffset());
          // a read that waits parks on the ringbuffer's partition until a matching event arrives, not on a thread
          return ring.readManyAsync(first.nextOffset(), 1, count, filter).thenApply(read -> batch(read, first.nextOffset()))
              .toCompletableFuture()
              .completeOnTimeout(none, longPoll.toMillis(), TimeUnit.MILLISECONDS);
        });
  }

  private static EventBatch batch(ReadResultSet<ClientEvent> read, long start) {
    // a read at the tail that found nothing answers 0 as its next sequence: it is still the start
    return new EventBatch(withOffsets(read), Math.max(start, read.getNextSequenceToReadFrom()));
  }

  /** The filter a read sends to the ringbuffer's partition owner. */
  private record Matches(EventSubscription subscription) implements IFunction<ClientEvent, Boolean> {
    @Override
    public Boolean apply(ClientEvent event) {
      return subscription.includes(event);
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
    return CompletableFuture.supplyAsync(() -> {
      List<ClientEvent> found = new ArrayList<>();
      long next = ring.headSequence();
      long tail = ring.tailSequence();
      while (next <= tail) {
        ReadResultSet<ClientEvent> batch = ring.readManyAsync(next, 0, MAX_READ, null).toCompletableFuture().join();
        if (batch.size() == 0) {
          break;
        }
        for (ClientEvent event : withOffsets(batch)) {
          if (event.clientId().equals(clientId) && event.timeMillis() >= fromMillis && event.timeMillis() <= toMillis) {
            found.add(event);
          }
        }
        next = batch.getSequence(batch.size() - 1) + 1;
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
    return CompletableFuture.runAsync(() -> of(instanceId).destroy(), executor);
  }
}
