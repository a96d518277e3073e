package io.tenantmq.bench.load;

import java.time.Duration;
import java.util.List;

/**
 * Options of the event-latency scenario.
 *
 * @param rates      offered connect-and-close cycles per second, one phase each (each cycle is a {@code connect} and a
 *                   {@code tcpclean} in the stream)
 * @param batchSize  events per pull of the consumer
 * @param loops      event loops that start the cycles
 * @param maxPending cycles under way at most; more are skipped and counted
 */
record EventLatencyOptions(List<Integer> rates, int rounds, Duration warmup, Duration measure, int batchSize,
                           int loops, int maxPending) {

  EventLatencyOptions {
    rates = List.copyOf(rates);
    if (rates.isEmpty() || rates.stream().anyMatch(r -> r < 1)) {
      throw new IllegalArgumentException("--rates must be positive cycles per second, was " + rates);
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be at least 1, was " + rounds);
    }
    if (measure.isZero() || measure.isNegative() || warmup.isNegative()) {
      throw new IllegalArgumentException("--seconds must be positive and --warmup-seconds not negative");
    }
    if (batchSize < 1 || batchSize > 1000) {
      throw new IllegalArgumentException("--batch-size must be 1..1000, was " + batchSize);
    }
    if (loops < 1 || maxPending < 1) {
      throw new IllegalArgumentException("--loops and --max-pending must be positive");
    }
  }
}
