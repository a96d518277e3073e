package io.tenantmq.control.registry;

import java.io.Serializable;
import java.util.Arrays;

/**
 * An immutable snapshot of one connection's counters, by {@link PacketCounter}, received (from the client) and sent
 * (to the client).
 */
public record TrafficCounters(long[] received, long[] sent) implements Serializable {
  public static final TrafficCounters ZERO = new TrafficCounters(new long[PacketCounter.size()], new long[PacketCounter.size()]);

  public TrafficCounters {
    if (received.length != PacketCounter.size() || sent.length != PacketCounter.size()) {
      throw new IllegalArgumentException("counter arrays must have one slot per PacketCounter");
    }
    received = received.clone();
    sent = sent.clone();
  }

  public long received(PacketCounter counter) {
    return received[counter.ordinal()];
  }

  public long sent(PacketCounter counter) {
    return sent[counter.ordinal()];
  }

  @Override
  public long[] received() {
    return received.clone();
  }

  @Override
  public long[] sent() {
    return sent.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrafficCounters other && Arrays.equals(received, other.received) && Arrays.equals(sent, other.sent);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(received) + Arrays.hashCode(sent);
  }

  @Override
  public String toString() {
    return "TrafficCounters[received=" + Arrays.toString(received) + ", sent=" + Arrays.toString(sent) + "]";
  }
}
