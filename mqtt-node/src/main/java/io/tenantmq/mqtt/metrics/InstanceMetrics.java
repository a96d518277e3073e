package io.tenantmq.mqtt.metrics;

import io.tenantmq.control.registry.PacketCounter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What this node counted for one instance since it started: packets and bytes by {@link PacketCounter} in each
 * direction, client and message events, and gauges with their high-water marks. Connections look it up once and keep
 * it, so counting a packet costs a few adder increments and no allocation.
 *
 * <p>Owned by: nobody; every method is thread-safe (adders and atomics), called from any event loop.
 */
public final class InstanceMetrics {

  private final LongAdder[] received = adders(PacketCounter.size());
  private final LongAdder[] sent = adders(PacketCounter.size());
  private final LongAdder connected = new LongAdder();
  private final LongAdder disconnected = new LongAdder();
  private final LongAdder authFailures = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder noSubscribers = new LongAdder();
  private final LongAdder sessionsCreated = new LongAdder();
  private final LongAdder sessionsResumed = new LongAdder();
  private final LongAdder sessionsTakenOver = new LongAdder();
  private final LongAdder sessionsDiscarded = new LongAdder();
  private final LongAdder sessionsTerminated = new LongAdder();
  private final Gauge liveConnections = new Gauge();
  private final Gauge sessions = new Gauge();
  private final Gauge subscriptions = new Gauge();
  private final Gauge sharedSubscriptions = new Gauge();
  private final Gauge topics = new Gauge();
  private final LongAdder[] quota = adders(QuotaEvent.values().length);

  /** What a quota of the instance refused, dropped or slowed down; the tag is the {@code quota} label in /metrics. */
  public enum QuotaEvent {
    /** A CONNECT refused: the instance has its maximum of connections (CONNACK 0x97 / 0x03). */
    CONNECTION_REFUSED("connections"),
    /** A SUBSCRIBE filter refused: the client has its maximum of subscriptions (SUBACK 0x97 / 0x80). */
    SUBSCRIPTION_REFUSED("subscriptions"),
    /** An MQTT 5 client disconnected for publishing faster than its rate (DISCONNECT 0x96). */
    CLIENT_RATE_EXCEEDED("client_rate"),
    /** An MQTT 3.1.1 client's reading paused for publishing faster than its rate. */
    CLIENT_RATE_THROTTLED("client_rate_throttled"),
    /** A connection's reading paused because the instance as a whole publishes faster than its rate. */
    INSTANCE_RATE_THROTTLED("instance_rate_throttled"),
    /** A PUBLISH larger than the instance's maximum packet size (DISCONNECT 0x95 / close). */
    PACKET_TOO_LARGE("packet_size"),
    /** A QoS 1/2 message dropped because the session's queue was full. */
    QUEUE_FULL("queued_messages");

    private final String tag;

    QuotaEvent(String tag) {
      this.tag = tag;
    }

    public String tag() {
      return tag;
    }
  }

  /** A packet from a client of the instance. */
  public void received(PacketCounter counter, int bytes) {
    received[counter.ordinal()].increment();
    received[PacketCounter.PACKETS.ordinal()].increment();
    received[PacketCounter.BYTES.ordinal()].add(bytes);
  }

  /** A packet to a client of the instance. */
  public void sent(PacketCounter counter, int bytes) {
    sent[counter.ordinal()].increment();
    sent[PacketCounter.PACKETS.ordinal()].increment();
    sent[PacketCounter.BYTES.ordinal()].add(bytes);
  }

  /** A message a session could not take (queue full, QoS 0 for an offline client). */
  public void dropped() {
    sent[PacketCounter.DROPPED.ordinal()].increment();
  }

  /** A message handed to a session of the instance, whatever becomes of it there. */
  public void delivered() {
    delivered.increment();
  }

  /** A message published into the instance that no subscription matched. */
  public void noSubscribers() {
    noSubscribers.increment();
  }

  /** A CONNECT that was refused; {@code authFailure} when for bad credentials or a missing authorization. */
  public void connectRefused(boolean authFailure) {
    received(PacketCounter.CONNECT, 0);
    sent(PacketCounter.CONNACK, 4);
    if (authFailure) {
      authFailures.increment();
    }
  }

  /** A connection was accepted. */
  public void connectionOpened() {
    connected.increment();
    liveConnections.add(1);
  }

  /** An accepted connection ended (however). */
  public void connectionClosed() {
    disconnected.increment();
    liveConnections.add(-1);
  }

  /** A CONNECT was accepted with a fresh session, or with the one the client had ({@code resumed}). */
  public void sessionStarted(boolean resumed) {
    (resumed ? sessionsResumed : sessionsCreated).increment();
  }

  /** A newer connection of the client took the session over ({@code kept}) or, with a clean start, discarded it. */
  public void sessionHandedOver(boolean kept) {
    (kept ? sessionsTakenOver : sessionsDiscarded).increment();
  }

  /** A session ended here for good (its clean connection closed, it expired, it was discarded). */
  public void sessionTerminated() {
    sessionsTerminated.increment();
  }

  /** A session of the instance started (+1) or ended (-1) on this node. */
  public void sessions(int delta) {
    sessions.add(delta);
  }

  /** The instance's subscriptions on this node now: all of them, the shared ones, and distinct filters. */
  public void subscriptions(long all, long shared, long filters) {
    subscriptions.set(all);
    sharedSubscriptions.set(shared);
    topics.set(filters);
  }

  /** A quota of the instance refused, dropped or slowed something down. */
  public void quotaExceeded(QuotaEvent event) {
    quota[event.ordinal()].increment();
  }

  public long quotaExceededCount(QuotaEvent event) {
    return quota[event.ordinal()].sum();
  }

  public long received(PacketCounter counter) {
    return received[counter.ordinal()].sum();
  }

  public long sent(PacketCounter counter) {
    return sent[counter.ordinal()].sum();
  }

  public long connectedCount() {
    return connected.sum();
  }

  public long disconnectedCount() {
    return disconnected.sum();
  }

  public long authFailureCount() {
    return authFailures.sum();
  }

  public long deliveredCount() {
    return delivered.sum();
  }

  public long sessionsCreatedCount() {
    return sessionsCreated.sum();
  }

  public long sessionsResumedCount() {
    return sessionsResumed.sum();
  }

  public long sessionsTakenOverCount() {
    return sessionsTakenOver.sum();
  }

  public long sessionsDiscardedCount() {
    return sessionsDiscarded.sum();
  }

  public long sessionsTerminatedCount() {
    return sessionsTerminated.sum();
  }

  public long noSubscribersCount() {
    return noSubscribers.sum();
  }

  public Gauge liveConnections() {
    return liveConnections;
  }

  public Gauge sessions() {
    return sessions;
  }

  public Gauge subscriptions() {
    return subscriptions;
  }

  public Gauge sharedSubscriptions() {
    return sharedSubscriptions;
  }

  public Gauge topics() {
    return topics;
  }

  private static LongAdder[] adders(int n) {
    LongAdder[] adders = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      adders[i] = new LongAdder();
    }
    return adders;
  }

  /** A value that goes up and down, with the highest it has been. */
  public static final class Gauge {
    private final AtomicLong value = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    void add(long delta) {
      long now = value.addAndGet(delta);
      max.accumulateAndGet(now, Math::max);
    }

    void set(long now) {
      value.set(now);
      max.accumulateAndGet(now, Math::max);
    }

    public long value() {
      return value.get();
    }

    public long max() {
      return max.get();
    }
  }
}
