package io.tenantmq.bench.load;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The table of a registry scenario: per call and registry size the median over rounds of throughput and latency
 * percentiles, then per call the ratio of the largest size to the smallest, which is near 1 when the call does not
 * grow with the registry.
 */
final class RegistryBenchReport {

  private RegistryBenchReport() {
  }

  static String table(String title, List<String> calls, List<CallMeasurement> results, RegistryBenchOptions options) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%n=== %s: %d in flight, clients over %d tenants/instances ===%n",
        title, options.concurrency(), options.instances()));
    out.append(String.format(Locale.ROOT, "%d round(s) of %d s warm-up + %d s measured per call and size; medians over rounds%n",
        options.rounds(), options.warmup().toSeconds(), options.measure().toSeconds()));
    out.append(String.format(Locale.ROOT, "%-28s %12s %12s %12s %12s %12s %12s %14s %10s%n",
        "call", "clients", "calls/s", "p50 us", "p99 us", "p99.9 us", "max us", "cpu us/call", "failed"));
    for (String call : calls) {
      for (int clients : options.clientCounts()) {
        List<CallMeasurement> size = of(results, call, clients);
        if (size.isEmpty()) {
          continue;
        }
        long failed = size.stream().mapToLong(CallMeasurement::failed).sum();
        out.append(String.format(Locale.ROOT, "%-28s %,12d %,12.0f %,12.0f %,12.0f %,12.0f %,12.0f %,14.0f %,10d%n",
            call, clients, median(size, CallMeasurement::callsPerSecond), median(size, CallMeasurement::p50Micros),
            median(size, CallMeasurement::p99Micros), median(size, CallMeasurement::p999Micros),
            median(size, CallMeasurement::maxMicros), median(size, CallMeasurement::cpuMicrosPerCall), failed));
      }
    }
    for (String call : calls) {
      List<Integer> measured = options.clientCounts().stream().filter(c -> !of(results, call, c).isEmpty()).toList();
      if (measured.size() >= 2) {
        int smallest = measured.get(0);
        int largest = measured.get(measured.size() - 1);
        out.append(String.format(Locale.ROOT,
            "flatness %s %,d / %,d clients: calls/s x%.2f, p50 x%.2f, p99 x%.2f, cpu/call x%.2f (1.00 = unchanged)%n",
            call, largest, smallest,
            ratio(results, call, largest, smallest, CallMeasurement::callsPerSecond),
            ratio(results, call, largest, smallest, CallMeasurement::p50Micros),
            ratio(results, call, largest, smallest, CallMeasurement::p99Micros),
            ratio(results, call, largest, smallest, CallMeasurement::cpuMicrosPerCall)));
      }
    }
    return out.toString();
  }

  private static List<CallMeasurement> of(List<CallMeasurement> results, String call, int clients) {
    return results.stream().filter(m -> m.call().equals(call) && m.clients() == clients).toList();
  }

  private static double ratio(List<CallMeasurement> results, String call, int a, int b,
                              ToDoubleFunction<CallMeasurement> metric) {
    return median(of(results, call, a), metric) / median(of(results, call, b), metric);
  }

  private static double median(List<CallMeasurement> size, ToDoubleFunction<CallMeasurement> metric) {
    return Stats.median(size.stream().mapToDouble(metric).toArray());
  }
}
