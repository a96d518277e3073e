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
 * The whole emqx-clients scenario, in miniature (200 then 450 clients over 2 tenants: 1 then 3 pages of 100 per
 * instance), against the real product in this JVM over real HTTP with real API keys.
 */
class EmqxClientsBenchTest {

  static final List<String> CALLS = List.of(EmqxClientsWorkload.PAGE_1, EmqxClientsWorkload.LAST_PAGE,
      EmqxClientsWorkload.CURSOR_WALK, EmqxClientsWorkload.LOOKUP, EmqxClientsWorkload.KEY_CHECK_ONLY);

  @Test
  void tinyRunMeasuresEveryCallAtEverySizeAndEveryCallSucceeds() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    RegistryBenchOptions options = new RegistryBenchOptions(List.of(200, 450), 2, 2, 1, 1, 1, Duration.ZERO,
        Duration.ofSeconds(1));

    int exit = new RegistryBench(options, new EmqxClientsWorkload(out), out).run();

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isEqualTo(BenchRun.EXIT_OK);
    assertThat(text).contains("live client live-0: connected from 127.0.0.1")
        .contains("EMQX API at 200 clients: 1 pages of 100 per instance")
        .contains("EMQX API at 450 clients: 3 pages of 100 per instance")
        .contains("=== EMQX REST API v5 /clients via EmqxStyleClient (limit 100): 2 in flight")
        .doesNotContain("FAIL");
    for (String call : CALLS) {
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
