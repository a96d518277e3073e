package io.tenantmq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryBenchReportTest {

  static RegistryBenchOptions options(List<Integer> counts) {
    return new RegistryBenchOptions(counts, 10, 8, 40, 4, 3, Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  static CallMeasurement m(String call, int clients, int round, double callsPerSecond, double p50, double p99) {
    return new CallMeasurement(call, clients, round, callsPerSecond, p50, p99, p99 * 2, p99 * 3, p50 / 10, 1_000,
        Map.of());
  }

  @Test
  void tableShowsTheMedianPerCallAndSizeAndTheLargestOverSmallestRatio() {
    List<CallMeasurement> results = List.of(
        m("A", 10_000, 1, 1_000, 900, 3_000), m("A", 10_000, 2, 1_200, 1_000, 2_000), m("A", 10_000, 3, 1_100, 1_100, 4_000),
        m("A", 100_000, 1, 1_100, 1_000, 3_000), m("A", 100_000, 2, 2_000, 1_100, 3_000),
        m("A", 100_000, 3, 1_000, 1_200, 3_000),
        m("B", 10_000, 1, 50, 20_000, 40_000));

    String table = RegistryBenchReport.table("T", List.of("A", "B"), results, options(List.of(10_000, 100_000)));

    assertThat(table).contains("=== T: 8 in flight, clients over 10 tenants/instances ===");
    assertThat(table).contains("A                                  10,000        1,100        1,000        3,000"
        + "        6,000        9,000            100          0");
    assertThat(table).contains("A                                 100,000        1,100        1,100        3,000"
        + "        6,000        9,000            110          0");
    assertThat(table).contains("B                                  10,000           50       20,000       40,000");
    assertThat(table).contains("flatness A 100,000 / 10,000 clients: calls/s x1.00, p50 x1.10, p99 x1.00, cpu/call x1.10");
    assertThat(table).doesNotContain("flatness B");
  }

  @Test
  void failuresAreCountedPerCallAndSize() {
    List<CallMeasurement> results = List.of(new CallMeasurement("A", 50, 1, 10, 1, 2, 3, 4, 5, 6,
        Map.of("RequestLimitExceeded", 7L)));

    assertThat(RegistryBenchReport.table("T", List.of("A"), results, options(List.of(50)))).contains("7\n")
        .doesNotContain("flatness");
  }

  @Test
  void clientCountsMustAscendBecauseTheRegistryOnlyGrows() {
    assertThatThrownBy(() -> options(List.of(100_000, 10_000))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ascend");
  }
}
