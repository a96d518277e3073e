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
 * The whole aliyun-route scenario, in miniature (200 then 450 clients over 2 tenants), against the real product in
 * this JVM over real HTTP with real AccessKeys.
 */
class AliyunRouteBenchTest {

  @Test
  void tinyRunMeasuresEveryCallAtEverySizeAndEveryCallSucceeds() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    RegistryBenchOptions options = new RegistryBenchOptions(List.of(200, 450), 2, 2, 1, 1, 1, Duration.ZERO,
        Duration.ofSeconds(1));

    int exit = new RegistryBench(options, new AliyunRouteWorkload(out), out).run();

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isEqualTo(BenchRun.EXIT_OK);
    assertThat(text).contains("live client live-0: online 1")
        .contains("/route/clientId/get at 200 clients: a registered client is online, an unknown one offline;"
            + " QuerySessionByClientId agrees")
        .contains("/route/clientId/get at 450 clients")
        .contains("=== /route/clientId/get via AliyunStyleClient: 2 in flight")
        .doesNotContain("FAIL");
    for (String call : List.of(AliyunRouteWorkload.ONLINE, AliyunRouteWorkload.UNKNOWN,
        AliyunRouteWorkload.OPEN_API)) {
      for (int size : List.of(200, 450)) {
        // call, clients, calls/s, p50, p99, p99.9, max, cpu/call, failed = 0
        Matcher row = Pattern.compile("\\n" + Pattern.quote(call) + "\\s+" + String.format("%,d", size)
            + "\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)\\s+0\\n").matcher(text);
        assertThat(row.find()).as(call + " at " + size + " in\n" + text).isTrue();
        assertThat(Long.parseLong(row.group(1).replace(",", ""))).as(call + " calls/s").isPositive();
      }
      assertThat(text).contains("flatness " + call + " 450 / 200 clients");
    }
  }
}
