package io.tenantmq.bench.load;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the publisher at most {@code window} messages ahead of the subscriber.
 * Owned by: two contexts. The publisher's context alone counts sends and parks; the subscriber's context alone counts receipts
 * and wakes a parked publisher. Whoever wins the CAS on {@code parked} resumes publishing, so a wake-up is never lost.
 */
final class FlowWindow {
  private final long window;
  // resume only after a quarter of the window has drained, so the publisher is woken once per batch, not once per message
  private final long resumeBelow;
  private final Runnable wakePublisher;
  private final AtomicLong received = new AtomicLong();
  private final AtomicBoolean parked = new AtomicBoolean();
  private volatile long sent;

  FlowWindow(int window, Runnable wakePublisher) {
    this.window = window;
    this.resumeBelow = Math.max(1, window - Math.max(1, window / 4));
    this.wakePublisher = wakePublisher;
  }

  /** Publisher's context. */
  boolean hasRoom() {
    return sent - received.get() < window;
  }

  /** Publisher's context. */
  void onSent() {
    sent = sent + 1; // single writer
  }

  /**
   * Publisher's context, when {@link #hasRoom()} was false.
   *
   * @return true if the subscriber caught up meanwhile and the caller should keep publishing; false if it must return and wait
   *     for {@code wakePublisher}
   */
  boolean parkOrResume() {
    parked.set(true);
    return sent - received.get() < resumeBelow && parked.compareAndSet(true, false);
  }

  /** Subscriber's context. */
  void onReceived() {
    long nowReceived = received.incrementAndGet();
    if (parked.get() && sent - nowReceived < resumeBelow && parked.compareAndSet(true, false)) {
      wakePublisher.run();
    }
  }

  long sent() {
    return sent;
  }

  long received() {
    return received.get();
  }
}
