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
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    // 20 credentials per tenant: on a fast machine two callers exceed the API's 20 calls/s per credential with fewer
    RegistryBenchOptions options = new RegistryBenchOptions(List.of(30, 90), 3, 2, 20, 1, 1, Duration.ZERO,
        Duration.ofSeconds(1));

    int exit = new RegistryBench(options, new DescribeClientWorkload(options.credentialsPerTenant(), out), out).run();

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isEqualTo(BenchRun.EXIT_OK);
    assertThat(text).contains("live client live-0: CONNECTED")
        .contains("registered clients 0..29").contains("registered clients 30..89")
        .containsPattern("\\nDescribeMQTTClient\\s+30\\s+[\\d,]+\\s+[\\d,]+")
        .containsPattern("\\nDescribeMQTTClient\\s+90\\s+[\\d,]+\\s+[\\d,]+")
        .contains("flatness DescribeMQTTClient 90 / 30 clients");
  }
}
