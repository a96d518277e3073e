package io.tenantmq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescribeClientReportTest {

  static DescribeClientOptions options(List<Integer> counts) {
    return new DescribeClientOptions(counts, 10, 8, 40, 4, 3, Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  static DescribeClientMeasurement m(int clients, int round, double callsPerSecond, double p50, double p99) {
    return new DescribeClientMeasurement(clients, round, callsPerSecond, p50, p99, p99 * 2, p50 / 10, 1_000, Map.of());
  }

  @Test
  void tableShowsTheMedianPerSizeAndTheLargestOverSmallestRatio() {
    List<DescribeClientMeasurement> results = List.of(
        m(10_000, 1, 1_000, 900, 3_000), m(10_000, 2, 1_200, 1_000, 2_000), m(10_000, 3, 1_100, 1_100, 4_000),
        m(100_000, 1, 1_100, 1_000, 3_000), m(100_000, 2, 2_000, 1_100, 3_000), m(100_000, 3, 1_000, 1_200, 3_000));

    String table = DescribeClientReport.table(results, options(List.of(10_000, 100_000)));

    assertThat(table).contains("      10,000        1,100        1,000        3,000        6,000            100          0");
    assertThat(table).contains("     100,000        1,100        1,100        3,000        6,000            110          0");
    assertThat(table).contains("flatness 100,000 / 10,000 clients: calls/s x1.00, p50 x1.10, p99 x1.00, cpu/call x1.10");
  }

  @Test
  void failuresAreCountedPerSize() {
    List<DescribeClientMeasurement> results = List.of(new DescribeClientMeasurement(50, 1, 10, 1, 2, 3, 4, 5,
        Map.of("RequestLimitExceeded", 7L)));

    assertThat(DescribeClientReport.table(results, options(List.of(50)))).contains("7\n").doesNotContain("flatness");
  }

  @Test
  void clientCountsMustAscendBecauseTheRegistryOnlyGrows() {
    assertThatThrownBy(() -> options(List.of(100_000, 10_000))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ascend");
  }
}
