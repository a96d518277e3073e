package io.tenantmq.control.event;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.tenantmq.control.cluster.MapNames;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * {@link EventConsumers} on one entry per consumer group in the map {@link MapNames#EVENT_CONSUMERS} (durable with
 * the rest of the state), changed only by {@link ConsumerGroupProcessors}. A pull first leases again what expired
 * unacknowledged; otherwise it reads the stream from the group's cursor ({@link EventStream#follow}, which long-polls
 * on the ringbuffer's partition without holding a thread) and claims what it read by moving the cursor with a
 * compare-and-set, reading again from the new cursor when another consumer of the group was faster. So the consumers
 * of a clustering group share the events, and no event is leased to two of them at once.
 */
public final class HazelcastEventConsumers implements EventConsumers {

  /** Claims lost to other consumers of the group before a pull gives up and answers what it has (nothing). */
  private static final int MAX_CLAIM_ATTEMPTS = 8;

  /**
   * Unacknowledged events a group (a broadcasting consumer) may hold: past it, pulls deliver only what expires
   * again, so a consumer that never acknowledges cannot grow its group's entry without bound.
   */
  public static final int MAX_UNACKED = 10_000;

  private final IMap<ConsumerGroupKey, ConsumerGroupState> groups;
  private final EventStream stream;
  private final Executor executor;
  private final SecureRandom random = new SecureRandom();
  private final int maxUnacked;

  public HazelcastEventConsumers(HazelcastInstance hazelcast, EventStream stream, Executor executor) {
    this(hazelcast, stream, executor, MAX_UNACKED);
  }

  HazelcastEventConsumers(HazelcastInstance hazelcast, EventStream stream, Executor executor, int maxUnacked) {
    this.groups = hazelcast.getMap(MapNames.EVENT_CONSUMERS);
    this.stream = stream;
    this.executor = executor;
    this.maxUnacked = maxUnacked;
  }

  @Override
  public CompletionStage<PullResult> pull(PullRequest request) {
    ConsumerGroupKey key = ConsumerGroupKey.of(request);
    long waitUntil = System.currentTimeMillis() + Math.max(0, request.longPoll().toMillis());
    return pull(request, key, waitUntil, MAX_CLAIM_ATTEMPTS);
  }

  private CompletionStage<PullResult> pull(PullRequest request, ConsumerGroupKey key, long waitUntil, int attempts) {
    return prepare(request, key).thenCompose(prepared -> {
      if (!prepared.relent().isEmpty()) {
        return redeliver(request, key, prepared);
      }
      long now = System.currentTimeMillis();
      // wait no longer than until a lease expires: its events are then due again
      long wait = Math.max(0, Math.min(waitUntil, prepared.nextExpiry()) - now);
      int room = Math.min(request.maxEvents(), maxUnacked - prepared.unacked());
      if (room <= 0) {
        // full: nothing new until acknowledgements or expiries make room
        return wait == 0 ? CompletableFuture.completedFuture(new PullResult(List.of(), prepared.committed()))
            : CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS,
                executor)).thenCompose(ignored -> pull(request, key, waitUntil, attempts));
      }
      return stream.follow(request.subscription(), prepared.cursor(), room, Duration.ofMillis(wait))
          .thenCompose(batch -> {
            // (a stream never moves back, so a read that ends at or before the cursor found nothing new)
            if (batch.events().isEmpty() && batch.nextOffset() <= prepared.cursor()) {
              return System.currentTimeMillis() < waitUntil
                  ? pull(request, key, waitUntil, attempts)
                  : CompletableFuture.completedFuture(new PullResult(List.of(), prepared.committed()));
            }
            return claim(request, key, prepared.cursor(), batch).thenCompose(result -> {
              if (result != null) {
                return result.deliveries().isEmpty() && System.currentTimeMillis() < waitUntil
                    ? pull(request, key, waitUntil, attempts)
                    : CompletableFuture.completedFuture(result);
              }
              // another consumer of the group took this range: read on from where it left the cursor
              return attempts > 1 ? pull(request, key, waitUntil, attempts - 1)
                  : committedOffset(key).thenApply(committed -> new PullResult(List.of(), committed));
            });
          });
    });
  }

  /** The group's state after re-leasing what expired; a new group is opened where the request says it starts. */
  private CompletionStage<ConsumerGroupProcessors.Prepared> prepare(PullRequest request, ConsumerGroupKey key) {
    return prepare(request, key, -1).thenCompose(prepared -> !prepared.needsStart()
        ? CompletableFuture.completedFuture(prepared)
        : startOf(request).thenCompose(start -> prepare(request, key, start)));
  }

  private CompletionStage<ConsumerGroupProcessors.Prepared> prepare(PullRequest request, ConsumerGroupKey key,
                                                                    long start) {
    long now = System.currentTimeMillis();
    return groups.submitToKey(key, new ConsumerGroupProcessors.Prepare(start, now, request.maxEvents(),
        random.nextLong(), now + request.invisibleTime().toMillis()));
  }

  private CompletionStage<Long> startOf(PullRequest request) {
    // FIRST: offset 0, which every read moves up to the oldest event the stream keeps
    return request.from() == ConsumeFrom.FIRST ? CompletableFuture.completedFuture(0L)
        : stream.nextOffset(request.instanceId());
  }

  /** Claims what {@code batch} read from {@code cursor}; null when another consumer moved the cursor first. */
  private CompletionStage<PullResult> claim(PullRequest request, ConsumerGroupKey key, long cursor, EventBatch batch) {
    List<ClientEvent> events = batch.events();
    long[] offsets = new long[events.size()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = events.get(i).offset();
    }
    long nonce = random.nextLong();
    long deadline = System.currentTimeMillis() + request.invisibleTime().toMillis();
    return groups.submitToKey(key, new ConsumerGroupProcessors.Claim(cursor, batch.nextOffset(), offsets, nonce, deadline))
        .thenApply(claimed -> {
          if (!claimed.claimed()) {
            return null;
          }
          Lease lease = new Lease(claimed.leaseId(), nonce, offsets, deadline, 1);
          List<Delivery> deliveries = new ArrayList<>(events.size());
          for (ClientEvent event : events) {
            deliveries.add(new Delivery(event, lease.receiptHandle(key.broadcasting(), event.offset()), 1));
          }
          return new PullResult(deliveries, claimed.committed());
        });
  }

  /**
   * Delivers the re-leased offsets again, read back from the stream. Offsets the stream no longer keeps (past its
   * retention) cannot be delivered: they are acknowledged, so they do not come back forever.
   */
  private CompletionStage<PullResult> redeliver(PullRequest request, ConsumerGroupKey key,
                                                ConsumerGroupProcessors.Prepared prepared) {
    List<Lease> relent = prepared.relent();
    long[] wanted = relent.stream().flatMapToLong(l -> java.util.Arrays.stream(l.offsets())).sorted().toArray();
    return eventsAt(request.instanceId(), wanted).thenCompose(found -> {
      List<Delivery> deliveries = new ArrayList<>(wanted.length);
      List<ReceiptHandle> gone = new ArrayList<>();
      for (Lease lease : relent) {
        for (long offset : lease.offsets()) {
          ClientEvent event = found.get(offset);
          if (event != null) {
            deliveries.add(new Delivery(event, lease.receiptHandle(key.broadcasting(), offset), lease.deliveryCount()));
          } else {
            gone.add(new ReceiptHandle(key.broadcasting(), lease.id(), lease.nonce(), offset));
          }
        }
      }
      deliveries.sort(java.util.Comparator.comparingLong(d -> d.event().offset()));
      if (gone.isEmpty()) {
        return CompletableFuture.completedFuture(new PullResult(deliveries, prepared.committed()));
      }
      return groups.submitToKey(key, new ConsumerGroupProcessors.Ack(gone, System.currentTimeMillis()))
          .thenCompose(dropped -> committedOffset(key))
          .thenApply(committed -> new PullResult(deliveries, committed));
    });
  }

  /** The events at {@code offsets} (ascending) that the stream still keeps, by offset. */
  private CompletionStage<Map<Long, ClientEvent>> eventsAt(String instanceId, long[] offsets) {
    return readFrom(instanceId, offsets, offsets[0], new HashMap<>(offsets.length * 2));
  }

  private CompletionStage<Map<Long, ClientEvent>> readFrom(String instanceId, long[] offsets, long from,
                                                           Map<Long, ClientEvent> found) {
    long last = offsets[offsets.length - 1];
    int span = (int) Math.min(EventStream.MAX_READ, last - from + 1);
    return stream.read(instanceId, from, span).thenCompose(events -> {
      for (ClientEvent event : events) {
        if (java.util.Arrays.binarySearch(offsets, event.offset()) >= 0) {
          found.put(event.offset(), event);
        }
      }
      long next = events.isEmpty() ? Long.MAX_VALUE : events.get(events.size() - 1).offset() + 1;
      return next > last ? CompletableFuture.completedFuture(found) : readFrom(instanceId, offsets, next, found);
    });
  }

  @Override
  public CompletionStage<Integer> ack(String instanceId, String consumerGroup, String consumerId,
                                      Collection<String> receiptHandles) {
    Map<ConsumerGroupKey, List<ReceiptHandle>> byGroup = new HashMap<>();
    for (String text : receiptHandles) {
      ReceiptHandle handle = ReceiptHandle.parse(text);
      if (handle == null || (handle.broadcasting() && (consumerId == null || consumerId.isEmpty()))) {
        continue;
      }
      ConsumerGroupKey key = new ConsumerGroupKey(instanceId, consumerGroup, handle.broadcasting() ? consumerId : "");
      byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(handle);
    }
    long now = System.currentTimeMillis();
    List<CompletableFuture<Integer>> acks = new ArrayList<>(byGroup.size());
    byGroup.forEach((key, handles) ->
        acks.add(groups.submitToKey(key, new ConsumerGroupProcessors.Ack(handles, now)).toCompletableFuture()));
    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
        .thenApply(done -> acks.stream().mapToInt(CompletableFuture::join).sum());
  }

  @Override
  public CompletionStage<Long> committedOffset(String instanceId, String consumerGroup, String consumerId) {
    ConsumerGroupKey clustering = new ConsumerGroupKey(instanceId, consumerGroup, "");
    if (consumerId == null || consumerId.isEmpty()) {
      return committedOffset(clustering);
    }
    // a consumer id names a broadcasting consumer; a clustering group's consumers may send theirs too
    return committedOffset(new ConsumerGroupKey(instanceId, consumerGroup, consumerId))
        .thenCompose(own -> own >= 0 ? CompletableFuture.completedFuture(own) : committedOffset(clustering));
  }

  private CompletionStage<Long> committedOffset(ConsumerGroupKey key) {
    return groups.getAsync(key).thenApply(state -> state == null ? -1L : state.committed());
  }

  @Override
  public CompletionStage<Void> delete(String instanceId) {
    return CompletableFuture.runAsync(() -> {
      for (ConsumerGroupKey key : groups.keySet(Predicates.equal("instanceId", instanceId))) {
        groups.delete(key);
      }
    }, executor);
  }
}
