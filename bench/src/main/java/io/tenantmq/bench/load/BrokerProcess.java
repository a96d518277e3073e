package io.tenantmq.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A broker running as a child process of the bench. Subclasses say how to launch it and how to learn its MQTT port;
 * starting, log capture, liveness and shutdown are the same for every broker and live here.
 * Owned by: the driver's main thread, except {@link #close()}, which the shutdown hook may also call (hence synchronized).
 */
abstract class BrokerProcess implements AutoCloseable {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
  private static final Duration FORCED_STOP = Duration.ofSeconds(5);
  private static final int LOG_TAIL_LINES = 30;

  private final BrokerKind kind;
  private final Path logFile;
  private Process process;
  private int mqttPort;

  protected BrokerProcess(BrokerKind kind, Path logFile) {
    this.kind = kind;
    this.logFile = logFile;
  }

  /** The full command line; called once, just before the process starts. */
  protected abstract List<String> command();

  /**
   * Looks once, without blocking, whether the broker accepts MQTT connections yet.
   *
   * @return the MQTT port once it does; empty while it is still starting
   */
  protected abstract OptionalInt probeMqttPort();

  /** Extra environment variables for the broker process. */
  protected Map<String, String> environment() {
    return Map.of();
  }

  /** Starts the process and waits until {@link #probeMqttPort()} reports a port. */
  final synchronized void start(Duration timeout) {
    List<String> command = command();
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(logFile.toFile());
      builder.environment().putAll(environment());
      process = builder.start();
    } catch (IOException e) {
      throw new BenchException("cannot start " + kind.label() + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new BenchException(kind.label() + " exited with code " + process.exitValue() + " while starting; last lines of "
            + logFile + ":\n" + logTail());
      }
      OptionalInt port = probeMqttPort();
      if (port.isPresent()) {
        mqttPort = port.getAsInt();
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new BenchException(kind.label() + " did not accept MQTT connections within " + timeout.toSeconds() + " s; last lines of "
            + logFile + ":\n" + logTail());
      }
      Await.sleep(POLL_INTERVAL);
    }
  }

  BrokerKind kind() {
    return kind;
  }

  int mqttPort() {
    return mqttPort;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  Path logFile() {
    return logFile;
  }

  /** SIGTERM first so the broker can shut down cleanly, SIGKILL if it does not within the grace period. Idempotent. */
  @Override
  public final synchronized void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(FORCED_STOP.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return kind.label() + " (pid " + (process == null ? "-" : process.pid()) + ", mqtt port " + mqttPort + ")";
  }

  private String logTail() {
    try {
      // Latin-1 never fails to decode, whatever the broker printed
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }
}
