package io.tenantmq.bench.load;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.sdk.tencent.TencentApiException;
import io.tenantmq.sdk.tencent.TencentClientOptions;
import io.tenantmq.sdk.tencent.TencentStyleClient;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientResponse;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The DescribeMQTTClient scenario: the product in this JVM, clients registered straight into its registry over
 * {@code instances} tenants, a few real MQTT clients connected, then signed DescribeMQTTClient calls for random
 * registered clients through {@link TencentStyleClient} at a fixed concurrency, per registry size. The registry grows
 * between sizes; a lookup that does not depend on the number of clients gives the same numbers at every size.
 */
final class DescribeClientBench {

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration LIVE_CHECK_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(50);

  private static final long SELF = ProcessHandle.current().pid();

  private final DescribeClientOptions options;
  private final PrintStream out;
  private final ProcessCpu cpu = ProcessCpu.detect();

  DescribeClientBench(DescribeClientOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  int run() {
    Path runDir = createRunDir();
    out.println("run directory " + runDir);
    List<DescribeClientMeasurement> results = new ArrayList<>();
    try (InProcessTenantMq product = InProcessTenantMq.start(runDir)) {
      out.printf("TenantMQ in process: http %d, mqtt %d%n", product.httpPort(), product.mqttPort());
      Vertx vertx = Vertx.vertx();
      LiveClients live = new LiveClients(vertx);
      try {
        live.start(product.mqttPort(), options.liveClients());
        measure(product, results);
      } finally {
        // before the product stops, so the live clients see no broken connection
        live.stop();
        Await.result(vertx.close(), Duration.ofSeconds(10), "closing Vert.x");
      }
    }
    out.println(DescribeClientReport.table(results, options));
    if (results.stream().anyMatch(m -> !m.failures().isEmpty())) {
      out.println("FAIL: some calls failed (see the failed column); the numbers do not measure the lookup alone");
      return BenchRun.EXIT_NOT_INTACT;
    }
    return BenchRun.EXIT_OK;
  }

  private void measure(InProcessTenantMq product, List<DescribeClientMeasurement> results) {
    String endpoint = "http://127.0.0.1:" + product.httpPort();
    ControlPlane control = product.control();
    if (options.liveClients() > 0) {
      checkLiveClient(BenchTenancy.client(control, product.demo().tenantId(), endpoint,
          TencentStyleClient.newHttpClient(new TencentClientOptions())), product.demo().instanceId());
    }
    BenchTenancy tenancy = BenchTenancy.create(control, options.instances(), options.credentialsPerTenant(), endpoint);
    SyntheticClients synthetic = new SyntheticClients(tenancy.instanceIds(), InProcessTenantMq.NODE_NAME,
        System.currentTimeMillis());
    int registered = 0;
    for (int size : options.clientCounts()) {
      long started = System.nanoTime();
      synthetic.register(control.registry(), registered, size);
      out.printf("registered clients %,d..%,d in %.1f s%n", registered, size - 1, (System.nanoTime() - started) / 1e9);
      registered = size;
      checkSyntheticClient(tenancy, synthetic, size - 1);
      ClosedLoop loop = new ClosedLoop(options.concurrency(), () -> describeRandom(tenancy, synthetic, size),
          DescribeClientBench::failureKind);
      for (int round = 1; round <= options.rounds(); round++) {
        if (!options.warmup().isZero()) {
          loop.run(options.warmup(), DRAIN_TIMEOUT);
        }
        long cpuBefore = cpu.cpuMicros(SELF);
        ClosedLoop.Result result = loop.run(options.measure(), DRAIN_TIMEOUT);
        DescribeClientMeasurement m = DescribeClientMeasurement.of(size, round, result, cpu.cpuMicros(SELF) - cpuBefore);
        out.println(m.oneLine());
        results.add(m);
      }
    }
  }

  /** One call for a random registered client; an answer about another client counts as a failure. */
  private static CompletableFuture<?> describeRandom(BenchTenancy tenancy, SyntheticClients synthetic, int size) {
    int n = ThreadLocalRandom.current().nextInt(size);
    String clientId = SyntheticClients.clientId(n);
    int instance = n % tenancy.instanceIds().size();
    return tenancy.clientFor(instance).trocket()
        .describeMQTTClient(new DescribeMQTTClientRequest(synthetic.instanceOf(n), clientId))
        .thenApply(r -> {
          if (!clientId.equals(r.clientId())) {
            throw new IllegalStateException("asked for " + clientId + ", got " + r.clientId());
          }
          return r;
        });
  }

  private static String failureKind(Throwable failure) {
    return failure instanceof TencentApiException e ? e.code() : failure.getClass().getSimpleName();
  }

  /** The product really serves the action: a live client shows up connected, with its subscription. */
  private void checkLiveClient(TencentStyleClient client, String instanceId) {
    long deadline = System.nanoTime() + LIVE_CHECK_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        DescribeMQTTClientResponse r = client.trocket()
            .describeMQTTClient(new DescribeMQTTClientRequest(instanceId, LiveClients.clientId(0))).join();
        boolean subscribed = r.mqttClientSubscriptions() != null && r.mqttClientSubscriptions().stream()
            .anyMatch(s -> LiveClients.topic(0).equals(s.topicFilter()));
        if ("CONNECTED".equals(r.connectionStatus()) && subscribed) {
          out.printf("live client %s: %s from %s, subscribed to %s%n", r.clientId(), r.connectionStatus(),
              r.clientAddress(), LiveClients.topic(0));
          return;
        }
        last = r.toString();
      } catch (RuntimeException e) {
        last = e.getCause() == null ? e.toString() : e.getCause().toString();
      }
      Await.sleep(POLL);
    }
    throw new BenchException("DescribeMQTTClient does not show the live client connected and subscribed: " + last);
  }

  /** The answer for a registered client carries what was registered. */
  private static void checkSyntheticClient(BenchTenancy tenancy, SyntheticClients synthetic, int n) {
    ClientRecord expected = synthetic.record(n);
    DescribeMQTTClientResponse r;
    try {
      r = tenancy.clientFor(n % tenancy.instanceIds().size()).trocket()
          .describeMQTTClient(new DescribeMQTTClientRequest(expected.instanceId(), expected.clientId())).join();
    } catch (RuntimeException e) {
      throw new BenchException("DescribeMQTTClient of registered client " + expected.clientId() + " failed: "
          + (e.getCause() == null ? e : e.getCause()), e);
    }
    if (!expected.address().equals(r.clientAddress()) || !Long.valueOf(expected.protocolVersion()).equals(r.protocolVersion())
        || r.mqttClientSubscriptions() == null || r.mqttClientSubscriptions().size() != expected.subscriptions().size()) {
      throw new BenchException("DescribeMQTTClient of " + expected.clientId() + " does not match its record: " + r);
    }
  }

  private static Path createRunDir() {
    try {
      return Files.createTempDirectory("tenantmq-bench-describe-");
    } catch (IOException e) {
      throw new BenchException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }
}
