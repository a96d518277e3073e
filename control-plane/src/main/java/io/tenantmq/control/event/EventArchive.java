package io.tenantmq.control.event;

import java.time.Duration;
import java.util.List;

/**
 * Where the event streams are stored beyond memory (the durable store's table of events, written by the ringbuffers'
 * {@code RingbufferStore}): what a stream holds before its in-memory head, after a restart of the cluster or once
 * the ringbuffer has overwritten it. Keyed by ringbuffer name. Blocking: call it on a worker.
 */
public interface EventArchive {

  /**
   * Stored events with {@code from <= offset < to}, ascending, at most {@code max}, each with its offset; offsets
   * whose events the retention dropped are skipped.
   */
  List<ClientEvent> read(String ring, long from, long to, int max);

  /** Stored events with {@code fromMillis <= time <= toMillis} and {@code offset < to}, ascending. */
  List<ClientEvent> between(String ring, long fromMillis, long toMillis, long to);

  /** Drops every stored event of one ringbuffer. */
  void delete(String ring);

  /**
   * Waits until every event handed to the store before this call is in the archive (stores may be queued), up to
   * {@code timeout}; true if it is.
   */
  boolean flush(Duration timeout);
}
