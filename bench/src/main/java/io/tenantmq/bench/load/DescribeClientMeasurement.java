package io.tenantmq.bench.load;

import java.util.Locale;
import java.util.Map;

/**
 * One measured phase of the DescribeMQTTClient scenario at one registry size.
 *
 * @param cpuMicrosPerCall  CPU of the whole JVM (product, driver and live clients) per call: on a shared machine the
 *                          stable number, where throughput and latency depend on what else runs
 * @param failures          failed calls by API error code (or exception class); a healthy run has none
 */
record DescribeClientMeasurement(int clients, int round, double callsPerSecond, double p50Micros, double p99Micros,
                                 double p999Micros, double cpuMicrosPerCall, long succeeded, Map<String, Long> failures) {

  static DescribeClientMeasurement of(int clients, int round, ClosedLoop.Result r, long cpuMicros) {
    return new DescribeClientMeasurement(clients, round, r.callsPerSecond(), r.p50Micros(), r.p99Micros(),
        r.latencyMicros().getValueAtPercentile(99.9), (double) cpuMicros / Math.max(1, r.succeeded() + r.failed()),
        r.succeeded(), Map.copyOf(r.failures()));
  }

  String oneLine() {
    return String.format(Locale.ROOT, "%,9d clients  round %d  %,8.0f calls/s  p50 %,8.0f us  p99 %,8.0f us"
            + "  p99.9 %,8.0f us  cpu %,6.0f us/call  ok %,d  failed %s",
        clients, round, callsPerSecond, p50Micros, p99Micros, p999Micros, cpuMicrosPerCall, succeeded,
        failures.isEmpty() ? "0" : failures);
  }
}
