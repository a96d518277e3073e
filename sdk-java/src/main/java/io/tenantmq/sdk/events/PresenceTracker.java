package io.tenantmq.sdk.events;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether each client is online, from its {@code connect} and {@code tcpclean} events alone, by Alibaba Cloud's
 * channelId rules (the state machine of its {@code MQTTClientStatusNoticeProcessDemo}): per client, per channel, the set
 * of event types seen; an offline event only ever closes its own channel, so events may arrive in any order, and
 * twice; a channel that has seen both its connect and an offline event is closed; a client is online while some
 * channel has a connect and no offline event. {@code disconnect} events are ignored (a client that sends DISCONNECT
 * still has a {@code tcpclean} coming) unless {@link Builder#disconnectIsOffline(boolean)} is set.
 *
 * <p>Unlike the demo, a closed channel leaves a small tombstone for {@link Builder#closedChannelRetention(Duration)}
 * of event time, so that a connect delivered again after its channel closed (at-least-once delivery, a consumer
 * restarted before its last ack) does not bring the client back online. After that, tombstones and offline events
 * whose connect never came are dropped, so memory holds the online channels plus the last retention's closed ones.
 * The retention must exceed how late an event can be redelivered (the consumer's invisible time).
 *
 * <p>Thread-safe: the events of one client are applied one at a time, those of different clients concurrently.
 */
public final class PresenceTracker {

  public static final Duration DEFAULT_CLOSED_CHANNEL_RETENTION = Duration.ofMinutes(10);

  private final boolean disconnectIsOffline;
  private final long retentionMillis;
  private final ConcurrentHashMap<String, ClientChannels> clients = new ConcurrentHashMap<>();
  private final Set<String> online = ConcurrentHashMap.newKeySet();
  /** The newest event time seen: the clock that ages tombstones. */
  private final AtomicLong newestTime = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

  private PresenceTracker(Builder builder) {
    this.disconnectIsOffline = builder.disconnectIsOffline;
    this.retentionMillis = builder.retention.toMillis();
  }

  /** A tracker that ignores {@code disconnect} and keeps tombstones {@link #DEFAULT_CLOSED_CHANNEL_RETENTION}. */
  public static PresenceTracker create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Applies one event of any client.
   *
   * @return whether it changed whether its client is online
   */
  public boolean apply(ClientStatusEvent event) {
    if (event.eventType() == EventType.DISCONNECT && !disconnectIsOffline) {
      return false;
    }
    long newest = newestTime.accumulateAndGet(event.time(), Math::max);
    long horizon = newest - retentionMillis;
    boolean[] changed = {false};
    clients.compute(event.clientId(), (clientId, channels) -> {
      ClientChannels state = channels == null ? new ClientChannels() : channels;
      boolean wasOnline = state.online();
      state.apply(event.channelId(), event.isOffline(disconnectIsOffline), event.time());
      state.prune(horizon);
      changed[0] = track(clientId, wasOnline, state.online());
      return state.isEmpty() ? null : state;
    });
    sweepIfDue(newest);
    return changed[0];
  }

  /** Applies events in order. */
  public void applyAll(Collection<ClientStatusEvent> events) {
    events.forEach(this::apply);
  }

  public boolean isOnline(String clientId) {
    return online.contains(clientId);
  }

  /** A snapshot of the ids of the online clients. */
  public Set<String> onlineClients() {
    return Set.copyOf(online);
  }

  public int onlineCount() {
    return online.size();
  }

  /** How many channels are held, open or tombstoned: what the tracker's memory grows with. */
  public int trackedChannels() {
    return clients.values().stream().mapToInt(ClientChannels::size).sum();
  }

  /** A listener that applies each batch and acknowledges it: {@code consumer.registerListener(tracker.listener())}. */
  public MessageListener listener() {
    return events -> {
      applyAll(events);
      return ConsumeStatus.CONSUME_SUCCESS;
    };
  }

  private boolean track(String clientId, boolean wasOnline, boolean isOnline) {
    if (wasOnline == isOnline) {
      return false;
    }
    if (isOnline) {
      online.add(clientId);
    } else {
      online.remove(clientId);
    }
    return true;
  }

  /**
   * Drops expired tombstones of every client, at most every half retention of event time, so clients that have no
   * more events do not keep theirs forever; each client's own events prune it anyway.
   */
  private void sweepIfDue(long newest) {
    long due = nextSweep.get();
    if (newest < due || !nextSweep.compareAndSet(due, newest + Math.max(1, retentionMillis / 2))) {
      return;
    }
    long horizon = newest - retentionMillis;
    for (String clientId : clients.keySet()) {
      clients.computeIfPresent(clientId, (id, state) -> {
        state.prune(horizon);
        return state.isEmpty() ? null : state;
      });
    }
  }

  /** Options of a {@link PresenceTracker}. */
  public static final class Builder {

    private boolean disconnectIsOffline;
    private Duration retention = DEFAULT_CLOSED_CHANNEL_RETENTION;

    private Builder() {
    }

    /**
     * Whether a {@code disconnect} closes its channel as a {@code tcpclean} does (default false: the demo subscribes
     * to {@code connect||tcpclean} only).
     */
    public Builder disconnectIsOffline(boolean disconnectIsOffline) {
      this.disconnectIsOffline = disconnectIsOffline;
      return this;
    }

    /** How long, in event time, a closed channel is remembered; must exceed the redelivery delay. */
    public Builder closedChannelRetention(Duration retention) {
      if (retention == null || retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("closedChannelRetention must be positive, was " + retention);
      }
      this.retention = retention;
      return this;
    }

    public PresenceTracker build() {
      return new PresenceTracker(this);
    }
  }
}
