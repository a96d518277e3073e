package io.tenantmq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole describe-client scenario, in miniature, against the real product in this JVM. */
class DescribeClientBenchTest {

  @Test
  void tinyRunRegistersClientsDescribesThemAndReportsEverySize() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DescribeClientOptions options = new DescribeClientOptions(List.of(30, 90), 3, 2, 2, 1, 1, Duration.ZERO,
        Duration.ofSeconds(1));

    int exit = new DescribeClientBench(options, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(out).isEqualTo(BenchRun.EXIT_OK);
    assertThat(out).contains("live client live-0: CONNECTED")
        .contains("registered clients 0..29").contains("registered clients 30..89")
        .containsPattern("\\n\\s+30\\s+[\\d,]+\\s+[\\d,]+")
        .containsPattern("\\n\\s+90\\s+[\\d,]+\\s+[\\d,]+")
        .contains("flatness 90 / 30 clients");
  }
}
