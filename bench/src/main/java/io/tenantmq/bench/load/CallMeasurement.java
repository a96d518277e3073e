package io.tenantmq.bench.load;

import java.util.Locale;
import java.util.Map;

/**
 * One measured phase of one API call at one registry size.
 *
 * @param call              what was called, e.g. {@code DescribeMQTTClient} or {@code GET /clients page 1}
 * @param cpuMicrosPerCall  CPU of the whole JVM (product, driver and live clients) per call: on a shared machine the
 *                          stable number, where throughput and latency depend on what else runs
 * @param failures          failed calls by API error code (or exception class); a healthy run has none
 */
record CallMeasurement(String call, int clients, int round, double callsPerSecond, double p50Micros, double p99Micros,
                       double p999Micros, double maxMicros, double cpuMicrosPerCall, long succeeded,
                       Map<String, Long> failures) {

  static CallMeasurement of(String call, int clients, int round, ClosedLoop.Result r, long cpuMicros) {
    return new CallMeasurement(call, clients, round, r.callsPerSecond(), r.p50Micros(), r.p99Micros(),
        r.latencyMicros().getValueAtPercentile(99.9), r.latencyMicros().getMaxValue(),
        (double) cpuMicros / Math.max(1, r.succeeded() + r.failed()), r.succeeded(), Map.copyOf(r.failures()));
  }

  long failed() {
    return failures.values().stream().mapToLong(Long::longValue).sum();
  }

  String oneLine() {
    return String.format(Locale.ROOT, "%-28s %,9d clients  round %d  %,8.0f calls/s  p50 %,8.0f us  p99 %,8.0f us"
            + "  p99.9 %,8.0f us  max %,8.0f us  cpu %,6.0f us/call  ok %,d  failed %s",
        call, clients, round, callsPerSecond, p50Micros, p99Micros, p999Micros, maxMicros, cpuMicrosPerCall, succeeded,
        failures.isEmpty() ? "0" : failures);
  }
}
