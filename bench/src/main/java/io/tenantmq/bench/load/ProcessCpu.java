package io.tenantmq.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** CPU time of another process from Linux {@code /proc/<pid>/stat} (proc(5)): utime + stime, in clock ticks. */
final class ProcessCpu {
  static final long DEFAULT_TICKS_PER_SECOND = 100;
  // field numbers as proc(5) counts them, from 1; fields 1 (pid) and 2 (comm) come before the closing parenthesis
  private static final int UTIME_FIELD = 14;
  private static final int STIME_FIELD = 15;
  private static final int FIRST_FIELD_AFTER_COMM = 3;

  private final long ticksPerSecond;

  ProcessCpu(long ticksPerSecond) {
    if (ticksPerSecond < 1) {
      throw new IllegalArgumentException("ticks per second must be positive, was " + ticksPerSecond);
    }
    this.ticksPerSecond = ticksPerSecond;
  }

  /** Asks {@code getconf CLK_TCK}; falls back to 100, the value on every common Linux build. */
  static ProcessCpu detect() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
        return new ProcessCpu(Long.parseLong(out));
      }
    } catch (IOException | NumberFormatException e) {
      // fall through to the default
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new ProcessCpu(DEFAULT_TICKS_PER_SECOND);
  }

  long ticksPerSecond() {
    return ticksPerSecond;
  }

  /** User plus system CPU time the process has used so far, in microseconds. */
  long cpuMicros(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
      return parseCpuTicks(stat) * 1_000_000L / ticksPerSecond;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CPU time of process " + pid + " (is it still running?)", e);
    }
  }

  /** utime + stime of one {@code /proc/<pid>/stat} line, in clock ticks. */
  static long parseCpuTicks(String statLine) {
    // comm may contain spaces and parentheses, so count fields from the LAST ')'
    int commEnd = statLine.lastIndexOf(')');
    if (commEnd < 0) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + statLine);
    }
    String[] fields = statLine.substring(commEnd + 1).trim().split("\\s+");
    int utime = UTIME_FIELD - FIRST_FIELD_AFTER_COMM;
    int stime = STIME_FIELD - FIRST_FIELD_AFTER_COMM;
    if (fields.length <= stime) {
      throw new IllegalArgumentException("too few fields in /proc/<pid>/stat line: " + statLine);
    }
    return Long.parseLong(fields[utime]) + Long.parseLong(fields[stime]);
  }
}
