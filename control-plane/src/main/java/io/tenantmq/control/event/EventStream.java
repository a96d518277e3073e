package io.tenantmq.control.event;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The event streams of every instance, shared by the cluster. Stages complete off the caller's thread. */
public interface EventStream {

  /** The most events one {@link #read} answers. */
  int MAX_READ = 1000;

  /** Appends {@code event} to its instance's stream; completes with its offset. */
  CompletionStage<Long> append(ClientEvent event);

  /**
   * Up to {@code max} (at most {@link #MAX_READ}) events of {@code instanceId} from offset {@code from} on, oldest first, each with its offset;
   * events older than the stream keeps are skipped. Answers at once, empty when there is nothing newer.
   */
  CompletionStage<List<ClientEvent>> read(String instanceId, long from, int max);

  /**
   * Up to {@code max} events of the subscription from offset {@code from} on, waiting up to {@code longPoll} for a first
   * one when there is none yet (then the batch is empty, with {@code nextOffset} where the next read should start). The
   * filter runs where the stream is stored, so non-matching events do not travel.
   */
  CompletionStage<EventBatch> follow(EventSubscription subscription, long from, int max, Duration longPoll);

  /**
   * The events of one client of {@code instanceId} with {@code fromMillis <= time <= toMillis}, oldest first, from
   * what the stream still keeps. Scans the stream: for a person's or a console's question, not a hot path.
   */
  CompletionStage<List<ClientEvent>> history(String instanceId, String clientId, long fromMillis, long toMillis);

  /** The offset the next event appended to {@code instanceId}'s stream will get. */
  CompletionStage<Long> nextOffset(String instanceId);

  /** Drops the stream of an instance that is being deleted. */
  CompletionStage<Void> delete(String instanceId);
}
