package io.tenantmq.control.persistence;

import io.tenantmq.control.cluster.ClusterMaps;
import java.time.Duration;
import java.util.Objects;

/**
 * How long each instance's event stream keeps its events: what is older than {@code maxAge}, and what is more than
 * {@code maxEvents} behind the newest event, is dropped. The newest event of a stream is always kept, whatever its
 * age: its offset is where the stream continues after a restart of the whole cluster.
 *
 * @param maxAge    by event time; checked periodically ({@link #CHECK_PERIOD})
 * @param maxEvents per instance: the capacity of its ringbuffer, and the most its table rows keep
 */
public record EventRetention(Duration maxAge, int maxEvents) {

  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(72);

  /** 72 hours, {@link ClusterMaps#EVENTS_PER_INSTANCE} events. */
  public static final EventRetention DEFAULT = new EventRetention(DEFAULT_MAX_AGE, ClusterMaps.EVENTS_PER_INSTANCE);

  /** How often every member deletes what the retention drops (idempotent, so all members may do it). */
  public static final Duration CHECK_PERIOD = Duration.ofMinutes(5);

  public EventRetention {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("the event retention must be positive, was " + maxAge);
    }
    if (maxEvents < 1) {
      throw new IllegalArgumentException("an event stream must keep at least one event, was " + maxEvents);
    }
  }

  /** The default count with {@code hours} of age. */
  public static EventRetention ofHours(long hours) {
    return new EventRetention(Duration.ofHours(hours), ClusterMaps.EVENTS_PER_INSTANCE);
  }
}
