package io.tenantmq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  // captured from /proc/<pid>/stat of a mosquitto under bench load: utime 52, stime 163
  private static final String MOSQUITTO_STAT = "11910 (mosquitto) R 11889 11884 5727 0 -1 4194560 511 0 0 0 52 163 0 0 20 0 1 0 "
      + "652513 15691776 2126 18446744073709551615 94049855250432 94049855666093 140732353506784 0 0 0 4 4096 18947 0 0 0 17 0 "
      + "0 0 0 0 0 94049855826960 94049855835496 94050447343616 140732353510093 140732353510122 140732353510122 "
      + "140732353511396 0\n";

  @Test
  void sumsUserAndSystemTicks() {
    assertThat(ProcessCpu.parseCpuTicks(MOSQUITTO_STAT)).isEqualTo(52 + 163);
  }

  @Test
  void countsFieldsAfterTheLastParenthesisSoCommMayHoldSpacesAndParentheses() {
    String tricky = MOSQUITTO_STAT.replace("(mosquitto)", "(my (odd) name)");

    assertThat(ProcessCpu.parseCpuTicks(tricky)).isEqualTo(52 + 163);
  }

  @Test
  void rejectsATruncatedLine() {
    assertThatThrownBy(() -> ProcessCpu.parseCpuTicks("42 (mosquitto) S 1 42 42 0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsThisJvmsOwnCpuTime() {
    ProcessCpu cpu = new ProcessCpu(ProcessCpu.DEFAULT_TICKS_PER_SECOND);

    assertThat(cpu.cpuMicros(ProcessHandle.current().pid())).isPositive();
  }
}
