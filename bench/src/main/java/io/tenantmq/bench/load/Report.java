package io.tenantmq.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The final table: per QoS, each metric for each broker and the ratio TenantMQ / Mosquitto, the median first and then
 * every round. Ratios are taken per round (both brokers measured minutes apart) and their median is reported, which
 * resists the noise of a shared machine better than a ratio of medians.
 */
final class Report {
  private static final int LABEL_WIDTH = 38;
  private static final int COLUMN_WIDTH = 12;

  /** The metrics in the table, with their direction so each ratio row says which way is better. */
  enum Metric {
    THROUGHPUT("msgs/s", true, Measurement::msgsPerSecond, "%,.0f"),
    P50("p50 latency us", false, Measurement::p50Micros, "%,.1f"),
    P99("p99 latency us", false, Measurement::p99Micros, "%,.1f"),
    CPU("broker CPU us/msg", false, Measurement::cpuMicrosPerMessage, "%.2f"),
    LOST("lost msgs", false, m -> m.lost(), "%.0f");

    private final String label;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<Measurement> value;
    private final String format;

    Metric(String label, boolean higherIsBetter, ToDoubleFunction<Measurement> value, String format) {
      this.label = label;
      this.higherIsBetter = higherIsBetter;
      this.value = value;
      this.format = format;
    }

    boolean hasRatio() {
      return this != LOST;
    }
  }

  private Report() {
  }

  static String table(List<Measurement> results, BenchOptions options) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "%n=== TenantMQ vs Mosquitto: 1 publisher -> 1 subscriber, MQTT 3.1.1, %d-byte payload ===%n",
        options.scenario().payloadBytes()));
    out.append(String.format(Locale.ROOT,
        "%d round(s), %d s warm-up + %d s measured per broker and QoS; window %d msgs, QoS 1 in-flight %d%n",
        options.rounds(), options.warmup().toSeconds(), options.measure().toSeconds(),
        options.scenario().windowMessages(), options.scenario().inflightMessages()));
    out.append("ratio = tenantmq / mosquitto, per round; the first column is the median over rounds\n");
    for (int qos : options.qosLevels()) {
      out.append('\n').append(header(qos, options.rounds()));
      for (Metric metric : Metric.values()) {
        for (BrokerKind broker : options.brokers()) {
          List<Double> perRound = new ArrayList<>();
          for (int round = 1; round <= options.rounds(); round++) {
            perRound.add(find(results, qos, round, broker).map(m -> metric.value.applyAsDouble(m)).orElse(Double.NaN));
          }
          String label = broker == options.brokers().get(0) ? metric.label : "";
          out.append(row(label, broker.label(), perRound, metric.format));
        }
        if (metric.hasRatio() && options.brokers().size() == 2) {
          List<Double> ratios = new ArrayList<>();
          for (int round = 1; round <= options.rounds(); round++) {
            ratios.add(ratio(results, qos, round, metric));
          }
          out.append(row("", metric.higherIsBetter ? "ratio (higher=better)" : "ratio (lower=better)", ratios, "%.2f"));
        }
      }
    }
    return out.toString();
  }

  private static String header(int qos, int rounds) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s%" + COLUMN_WIDTH + "s", "QoS " + qos, "MEDIAN"));
    for (int round = 1; round <= rounds; round++) {
      line.append(String.format(Locale.ROOT, "%" + COLUMN_WIDTH + "s", "r" + round));
    }
    return line.append('\n').toString();
  }

  private static String row(String metric, String series, List<Double> perRound, String format) {
    double[] present = perRound.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).toArray();
    double median = present.length == 0 ? Double.NaN : Stats.median(present);
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-18s%-18s", metric, series));
    line.append(cell(median, format));
    perRound.forEach(value -> line.append(cell(value, format)));
    return line.append('\n').toString();
  }

  private static String cell(double value, String format) {
    String text = Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
    return String.format(Locale.ROOT, "%" + COLUMN_WIDTH + "s", text);
  }

  private static double ratio(List<Measurement> results, int qos, int round, Metric metric) {
    Optional<Measurement> tenantMq = find(results, qos, round, BrokerKind.TENANTMQ);
    Optional<Measurement> mosquitto = find(results, qos, round, BrokerKind.MOSQUITTO);
    if (tenantMq.isEmpty() || mosquitto.isEmpty()) {
      return Double.NaN;
    }
    return metric.value.applyAsDouble(tenantMq.get()) / metric.value.applyAsDouble(mosquitto.get());
  }

  private static Optional<Measurement> find(List<Measurement> results, int qos, int round, BrokerKind broker) {
    return results.stream().filter(m -> m.qos() == qos && m.round() == round && m.broker() == broker).findFirst();
  }
}
