package io.tenantmq.bench.load;

import java.util.Arrays;

/** Order statistics over the few per-round values of a metric. */
final class Stats {
  private Stats() {
  }

  /** The middle value, or the mean of the two middle values for an even count. */
  static double median(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("median of no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
