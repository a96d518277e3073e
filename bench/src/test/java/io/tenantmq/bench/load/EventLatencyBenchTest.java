package io.tenantmq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The event-latency scenario in miniature (40 connect-and-close cycles a second for 2 s) against the real product in
 * this JVM: real sockets, the real event stream, an SDK EventConsumer over real HTTP.
 */
class EventLatencyBenchTest {

  @Test
  void tinyRunDeliversEveryClosesTcpcleanAfterItsConnectAndReportsLatencies() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    EventLatencyOptions options = new EventLatencyOptions(List.of(40), 1, Duration.ofSeconds(1),
        Duration.ofSeconds(2), 100, 1, 100);

    int exit = new EventLatencyBench(options, out).run();

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isEqualTo(BenchRun.EXIT_OK);
    assertThat(text).contains("=== event-latency").doesNotContain("FAIL");
    assertThat(text).contains("first connect-and-close: its tcpclean arrived");
    // offered, reached, events/s, p50, p99, p99.9, max, cpu, lost 0, skipped (a loaded machine may skip), order 0
    Matcher row = Pattern.compile("\\n\\s+40\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,.]+)\\s+([\\d,.]+)\\s+[\\d,.]+"
        + "\\s+[\\d,.]+\\s+[\\d,]+\\s+0\\s+[\\d,]+\\s+0\\n").matcher(text);
    assertThat(row.find()).as(text).isTrue();
    // the box may be too loaded to reach 40/s, never above it
    assertThat(Long.parseLong(row.group(1).replace(",", ""))).as("closes/s reached").isBetween(1L, 60L);
    assertThat(Double.parseDouble(row.group(3).replace(",", ""))).as("p50 ms").isPositive();
    assertThat(Double.parseDouble(row.group(4).replace(",", ""))).as("p99 ms")
        .isGreaterThanOrEqualTo(Double.parseDouble(row.group(3).replace(",", "")));
  }
}
