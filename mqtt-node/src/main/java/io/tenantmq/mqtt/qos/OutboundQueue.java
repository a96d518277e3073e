package io.tenantmq.mqtt.qos;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The QoS 1/2 messages of one session on their way to the client: the in-flight window (sent, not yet acknowledged,
 * in send order, by packet id) and the bounded queue of messages waiting for room in it.
 *
 * <p>Owned by: the session's context. Not thread-safe.
 */
public final class OutboundQueue {

  private final LinkedHashMap<Integer, Inflight> inflight = new LinkedHashMap<>();
  private final ArrayDeque<Outbound> pending = new ArrayDeque<>();
  private final int maxQueued;
  private int windowSize;
  private int lastPacketId;
  private long dropped;
  private long expired;

  public OutboundQueue(int windowSize, int maxQueued) {
    this.windowSize = windowSize;
    this.maxQueued = maxQueued;
  }

  /** Sets the window, e.g. to a reconnecting MQTT 5 client's Receive Maximum. */
  public void windowSize(int size) {
    this.windowSize = Math.max(1, size);
  }

  public boolean windowHasRoom() {
    return inflight.size() < windowSize;
  }

  /** Queues a message for later; false (and counted as dropped) when the queue is full. */
  public boolean enqueue(Outbound outbound) {
    if (pending.size() >= maxQueued) {
      dropped++;
      return false;
    }
    pending.addLast(outbound);
    return true;
  }

  /** The next queued message, or null. */
  public Outbound pollPending() {
    return pending.pollFirst();
  }

  /**
   * The next queued message whose Message Expiry Interval has not passed at {@code nowMillis}, or null; expired ones
   * before it are deleted [MQTT-3.3.2-5] and counted.
   */
  public Outbound pollUnexpired(long nowMillis) {
    Outbound next;
    while ((next = pending.pollFirst()) != null && next.message().expired(nowMillis)) {
      expired++;
    }
    return next;
  }

  /** How many queued messages expired before they could be sent. */
  public long expired() {
    return expired;
  }

  public boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Puts {@code outbound} in flight under a fresh packet id and returns it. Call only when the window has room. */
  public Inflight send(Outbound outbound) {
    int id = nextPacketId();
    Inflight entry = new Inflight(id, outbound, false);
    inflight.put(id, entry);
    return entry;
  }

  /** Re-inserts an in-flight entry carried over from an earlier connection (same packet id). */
  public void restore(Inflight entry) {
    inflight.put(entry.packetId(), entry);
    lastPacketId = Math.max(lastPacketId, entry.packetId());
  }

  public Inflight get(int packetId) {
    return inflight.get(packetId);
  }

  /** QoS 2: PUBREC arrived; returns the released entry, or null when there is no such unreleased QoS 2 message. */
  public Inflight release(int packetId) {
    Inflight entry = inflight.get(packetId);
    if (entry == null || entry.outbound().qos() != 2) {
      return null;
    }
    Inflight released = entry.release();
    inflight.put(packetId, released);
    return released;
  }

  /** PUBACK / PUBCOMP arrived; removes and returns the entry, or null when it is unknown. */
  public Inflight complete(int packetId) {
    return inflight.remove(packetId);
  }

  public List<Inflight> inflight() {
    return new ArrayList<>(inflight.values());
  }

  public int inflightCount() {
    return inflight.size();
  }

  public int pendingCount() {
    return pending.size();
  }

  public long dropped() {
    return dropped;
  }

  public void countDrop() {
    dropped++;
  }

  public List<Outbound> pending() {
    return new ArrayList<>(pending);
  }

  /** The first {@code limit} in-flight messages, oldest first. */
  public List<Inflight> inflight(int limit) {
    return first(inflight.values(), limit);
  }

  /** The first {@code limit} queued messages, oldest first. */
  public List<Outbound> pending(int limit) {
    return first(pending, limit);
  }

  private static <T> List<T> first(Iterable<T> all, int limit) {
    List<T> result = new ArrayList<>(Math.min(limit, 64));
    for (T t : all) {
      if (result.size() >= limit) {
        break;
      }
      result.add(t);
    }
    return result;
  }

  /** Forgets everything, after a hand-over took it elsewhere. */
  public void clear() {
    inflight.clear();
    pending.clear();
  }

  private int nextPacketId() {
    // [MQTT-2.2.1-3] a packet id is not reused while its flow is unfinished
    for (int i = 0; i < 65535; i++) {
      lastPacketId = lastPacketId >= 65535 ? 1 : lastPacketId + 1;
      if (!inflight.containsKey(lastPacketId)) {
        return lastPacketId;
      }
    }
    throw new IllegalStateException("no free packet id");
  }
}
