package io.tenantmq.bench.load;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The DescribeMQTTClient table: per registry size the median over rounds of throughput and latency percentiles, then
 * the ratio of the largest size to the smallest, which is near 1 when the lookup does not grow with the registry.
 */
final class DescribeClientReport {

  private DescribeClientReport() {
  }

  static String table(List<DescribeClientMeasurement> results, DescribeClientOptions options) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "%n=== DescribeMQTTClient (2023-03-08) via TencentStyleClient: %d in flight, clients over %d tenants/instances ===%n",
        options.concurrency(), options.instances()));
    out.append(String.format(Locale.ROOT, "%d round(s) of %d s warm-up + %d s measured per size; medians over rounds%n",
        options.rounds(), options.warmup().toSeconds(), options.measure().toSeconds()));
    out.append(String.format(Locale.ROOT, "%12s %12s %12s %12s %12s %14s %10s%n",
        "clients", "calls/s", "p50 us", "p99 us", "p99.9 us", "cpu us/call", "failed"));
    for (int clients : options.clientCounts()) {
      List<DescribeClientMeasurement> size = results.stream().filter(m -> m.clients() == clients).toList();
      if (size.isEmpty()) {
        continue;
      }
      long failed = size.stream().flatMap(m -> m.failures().values().stream()).mapToLong(Long::longValue).sum();
      out.append(String.format(Locale.ROOT, "%,12d %,12.0f %,12.0f %,12.0f %,12.0f %,14.0f %,10d%n", clients,
          median(size, DescribeClientMeasurement::callsPerSecond), median(size, DescribeClientMeasurement::p50Micros),
          median(size, DescribeClientMeasurement::p99Micros), median(size, DescribeClientMeasurement::p999Micros),
          median(size, DescribeClientMeasurement::cpuMicrosPerCall), failed));
    }
    List<Integer> measured = options.clientCounts().stream()
        .filter(c -> results.stream().anyMatch(m -> m.clients() == c)).toList();
    if (measured.size() >= 2) {
      int smallest = measured.get(0);
      int largest = measured.get(measured.size() - 1);
      out.append(String.format(Locale.ROOT,
          "flatness %,d / %,d clients: calls/s x%.2f, p50 x%.2f, p99 x%.2f, cpu/call x%.2f (1.00 = unchanged)%n",
          largest, smallest,
          ratio(results, largest, smallest, DescribeClientMeasurement::callsPerSecond),
          ratio(results, largest, smallest, DescribeClientMeasurement::p50Micros),
          ratio(results, largest, smallest, DescribeClientMeasurement::p99Micros),
          ratio(results, largest, smallest, DescribeClientMeasurement::cpuMicrosPerCall)));
    }
    return out.toString();
  }

  private static double ratio(List<DescribeClientMeasurement> results, int a, int b,
                              ToDoubleFunction<DescribeClientMeasurement> metric) {
    return median(results.stream().filter(m -> m.clients() == a).toList(), metric)
        / median(results.stream().filter(m -> m.clients() == b).toList(), metric);
  }

  private static double median(List<DescribeClientMeasurement> size, ToDoubleFunction<DescribeClientMeasurement> metric) {
    return Stats.median(size.stream().mapToDouble(metric).toArray());
  }
}
