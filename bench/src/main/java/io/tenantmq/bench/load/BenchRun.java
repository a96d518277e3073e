package io.tenantmq.bench.load;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One bench run: start the brokers, run every round, broker and QoS, stop the brokers, print the table.
 * Both brokers stay up for the whole run, so later rounds measure warm brokers; the order alternates per round.
 */
final class BenchRun {
  static final int EXIT_OK = 0;
  static final int EXIT_NOT_INTACT = 1;
  private static final Duration VERTX_CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final BenchOptions options;
  private final PrintStream out;

  BenchRun(BenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  int run() {
    String runId = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffff_ffffL);
    Path runDir = createRunDir(runId);
    ProcessCpu cpu = ProcessCpu.detect();
    // create every launcher before starting any, so a missing mosquitto or jar fails before anything runs
    Map<BrokerKind, BrokerProcess> brokers = new EnumMap<>(BrokerKind.class);
    for (BrokerKind kind : options.brokers()) {
      brokers.put(kind, create(kind, runDir));
    }
    Thread cleanup = new Thread(() -> brokers.values().forEach(BrokerProcess::close), "bench-broker-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    out.printf("run %s: logs and broker data in %s, CPU clock %d ticks/s%n", runId, runDir, cpu.ticksPerSecond());

    List<Measurement> results = new ArrayList<>();
    Vertx vertx = null;
    try {
      for (BrokerProcess broker : brokers.values()) {
        broker.start(options.brokerStartTimeout());
        out.println("started " + broker + ", log " + broker.logFile());
      }
      vertx = Vertx.vertx();
      Scenario scenario = new Scenario(vertx, options.scenario(), options.warmup(), options.measure(), cpu);
      for (int round = 1; round <= options.rounds(); round++) {
        for (BrokerKind kind : options.brokerOrder(round - 1)) {
          for (int qos : options.qosLevels()) {
            Measurement measurement = scenario.run(brokers.get(kind), qos, round, runId);
            out.println(measurement.oneLine());
            results.add(measurement);
          }
        }
      }
    } catch (BenchException e) {
      if (!results.isEmpty()) {
        out.println("\nPARTIAL RESULTS (the run stopped early):");
        out.println(Report.table(results, options));
      }
      throw e;
    } finally {
      if (vertx != null) {
        closeQuietly(vertx);
      }
      brokers.values().forEach(BrokerProcess::close);
      removeHook(cleanup);
    }

    out.println(Report.table(results, options));
    List<Measurement> broken = results.stream().filter(m -> !m.intact()).toList();
    if (!broken.isEmpty()) {
      out.println("FAIL: messages lost, reordered or delivered at the wrong QoS (the scenario must be lossless and ordered):");
      broken.forEach(m -> out.println("  " + m.oneLine()));
      return EXIT_NOT_INTACT;
    }
    return EXIT_OK;
  }

  private BrokerProcess create(BrokerKind kind, Path runDir) {
    return switch (kind) {
      case MOSQUITTO -> MosquittoProcess.create(options.mosquittoBinary(), runDir);
      case TENANTMQ -> TenantMqProcess.create(options.tenantMqJar(), options.tenantMqJvmArgs(), runDir);
    };
  }

  private static Path createRunDir(String runId) {
    try {
      return Files.createTempDirectory("tenantmq-bench-" + runId + "-");
    } catch (IOException e) {
      throw new BenchException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Vertx vertx) {
    try {
      Await.result(vertx.close(), VERTX_CLOSE_TIMEOUT, "closing Vert.x");
    } catch (BenchException e) {
      // the brokers are stopped next either way
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and runs the hook itself
    }
  }
}
