package io.tenantmq.bench.load;

import io.tenantmq.control.ControlPlane;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A registry scenario: the product in this JVM, clients registered straight into its registry over
 * {@code instances} tenants, a few real MQTT clients connected, then each of a workload's API calls driven at a fixed
 * concurrency, per registry size. The registry grows between sizes; a call that does not depend on the number of
 * clients gives the same numbers at every size.
 */
final class RegistryBench {

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
  private static final long SELF = ProcessHandle.current().pid();

  private final RegistryBenchOptions options;
  private final RegistryWorkload workload;
  private final PrintStream out;
  private final ProcessCpu cpu = ProcessCpu.detect();

  RegistryBench(RegistryBenchOptions options, RegistryWorkload workload, PrintStream out) {
    this.options = options;
    this.workload = workload;
    this.out = out;
  }

  int run() {
    Path runDir = createRunDir();
    out.println("run directory " + runDir);
    List<CallMeasurement> results = new ArrayList<>();
    List<String> calls = new ArrayList<>();
    try (InProcessTenantMq product = InProcessTenantMq.start(runDir)) {
      out.printf("TenantMQ in process: http %d, mqtt %d%n", product.httpPort(), product.mqttPort());
      Vertx vertx = Vertx.vertx();
      LiveClients live = new LiveClients(vertx);
      try {
        live.start(product.mqttPort(), options.liveClients());
        measure(product, results, calls);
      } finally {
        // before the product stops, so the live clients see no broken connection
        live.stop();
        Await.result(vertx.close(), Duration.ofSeconds(10), "closing Vert.x");
      }
    }
    out.println(RegistryBenchReport.table(workload.title(), calls, results, options));
    if (results.stream().anyMatch(m -> !m.failures().isEmpty())) {
      out.println("FAIL: some calls failed (see the failed column); the numbers do not measure the calls alone");
      return BenchRun.EXIT_NOT_INTACT;
    }
    return BenchRun.EXIT_OK;
  }

  private void measure(InProcessTenantMq product, List<CallMeasurement> results, List<String> callNames) {
    ControlPlane control = product.control();
    BenchTenancy tenancy = BenchTenancy.create(control, options.instances());
    SyntheticClients synthetic = new SyntheticClients(tenancy.instanceIds(), InProcessTenantMq.NODE_NAME,
        System.currentTimeMillis());
    workload.prepare(new BenchContext(product, "http://127.0.0.1:" + product.httpPort(), tenancy, synthetic,
        options.liveClients() > 0));
    int registered = 0;
    for (int size : options.clientCounts()) {
      long started = System.nanoTime();
      synthetic.register(control.registry(), registered, size);
      out.printf("registered clients %,d..%,d in %.1f s%n", registered, size - 1, (System.nanoTime() - started) / 1e9);
      registered = size;
      workload.check(size);
      for (RegistryWorkload.Call call : workload.calls(size)) {
        if (!callNames.contains(call.name())) {
          callNames.add(call.name());
        }
        ClosedLoop loop = new ClosedLoop(options.concurrency(), call.start(), workload::failureKind);
        for (int round = 1; round <= options.rounds(); round++) {
          if (!options.warmup().isZero()) {
            loop.run(options.warmup(), DRAIN_TIMEOUT);
          }
          long cpuBefore = cpu.cpuMicros(SELF);
          ClosedLoop.Result result = loop.run(options.measure(), DRAIN_TIMEOUT);
          CallMeasurement m = CallMeasurement.of(call.name(), size, round, result, cpu.cpuMicros(SELF) - cpuBefore);
          out.println(m.oneLine());
          results.add(m);
        }
      }
    }
  }

  private static Path createRunDir() {
    try {
      return Files.createTempDirectory("tenantmq-bench-registry-");
    } catch (IOException e) {
      throw new BenchException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }
}
