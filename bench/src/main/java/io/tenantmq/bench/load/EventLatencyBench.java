package io.tenantmq.bench.load;

import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.sdk.events.ClientStatusEvent;
import io.tenantmq.sdk.events.ConsumeFrom;
import io.tenantmq.sdk.events.ConsumeStatus;
import io.tenantmq.sdk.events.EventConsumer;
import io.tenantmq.sdk.events.EventType;
import io.tenantmq.sdk.events.MessageListener;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * The event-latency scenario: the product in this JVM, an SDK {@link EventConsumer} on the demo instance's topic
 * ({@code connect||tcpclean}, over real HTTP with an EMQX API key), and clients connecting and closing their sockets
 * at each offered rate ({@link ConnectionChurn}). Measures, per closed socket, the time from the close to the
 * consumer's listener receiving its {@code tcpclean}; checks that every close's tcpclean arrives, after its connect.
 */
final class EventLatencyBench {

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(20);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
  private static final long SELF = ProcessHandle.current().pid();

  private final EventLatencyOptions options;
  private final PrintStream out;
  private final ProcessCpu cpu = ProcessCpu.detect();

  EventLatencyBench(EventLatencyOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  int run() {
    Path runDir = createRunDir();
    String run = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffL);
    out.println("run directory " + runDir);
    List<EventLatencyMeasurement> results = new ArrayList<>();
    try (InProcessTenantMq product = InProcessTenantMq.start(runDir)) {
      out.printf("TenantMQ in process: http %d, mqtt %d%n", product.httpPort(), product.mqttPort());
      String instanceId = product.demo().instanceId();
      IssuedCredential key = BenchTenancy.issue(product.control(), product.demo().tenantId(), CredentialKind.EMQX,
          instanceId);
      Sink sink = new Sink();
      Vertx vertx = Vertx.vertx();
      EventConsumer consumer = EventConsumer.builder().endpoint("http://127.0.0.1:" + product.httpPort())
          .apiKey(key.credential().credentialId()).apiSecret(key.secret())
          .consumerGroup("bench-events-" + run).subscribe(instanceId, "connect||tcpclean")
          .consumeFrom(ConsumeFrom.FIRST).batchSize(options.batchSize()).longPollSeconds(20).invisibleSeconds(30)
          .onError(sink::error).build();
      consumer.registerListener(sink).start();
      try {
        probe(vertx, product.mqttPort(), sink, "p" + run + "-");
        for (int rate : options.rates()) {
          for (int round = 1; round <= options.rounds(); round++) {
            EventLatencyMeasurement m = phase(vertx, product.mqttPort(), sink, rate, round,
                "e" + run + rate + "r" + round + "-");
            out.println(m.oneLine());
            results.add(m);
          }
        }
      } finally {
        consumer.shutdown(Duration.ofSeconds(10));
        Await.result(vertx.close(), Duration.ofSeconds(10), "closing Vert.x");
      }
      if (sink.errors.get() > 0) {
        out.printf("consumer errors (pulls or acks retried): %d, last: %s%n", sink.errors.get(), sink.lastError);
      }
    }
    out.println(table(results));
    if (results.stream().anyMatch(m -> m.lost() > 0 || m.outOfOrder() > 0 || m.delivered() == 0)) {
      out.println("FAIL: some tcpcleans were lost, arrived before their connect, or none arrived");
      return BenchRun.EXIT_NOT_INTACT;
    }
    return BenchRun.EXIT_OK;
  }

  /**
   * One cycle, waited for until its tcpclean arrives: the node, the stream and the consumer are all up (a fresh node's
   * first connections are slow) and the consumer's group is positioned before anything is measured.
   */
  private void probe(Vertx vertx, int mqttPort, Sink sink, String prefix) {
    ConnectionChurn probe = new ConnectionChurn(vertx, mqttPort, prefix, 1, 1);
    try {
      Window window = sink.follow(probe);
      window.from = Long.MIN_VALUE;
      long started = System.nanoTime();
      probe.once();
      long deadline = started + PROBE_TIMEOUT.toNanos();
      while (window.delivered.get() == 0) {
        if (System.nanoTime() > deadline) {
          throw new BenchException("the first client's tcpclean did not reach the consumer within "
              + PROBE_TIMEOUT.toSeconds() + " s (closed " + probe.closed() + ", failed " + probe.failed() + ")");
        }
        Await.sleep(POLL);
      }
      out.printf("first connect-and-close: its tcpclean arrived %.0f ms after the client started connecting%n",
          (System.nanoTime() - started) / 1e6);
    } finally {
      probe.close();
    }
  }

  private EventLatencyMeasurement phase(Vertx vertx, int mqttPort, Sink sink, int rate, int round, String prefix) {
    ConnectionChurn churn = new ConnectionChurn(vertx, mqttPort, prefix, options.loops(), options.maxPending());
    try {
      Window window = sink.follow(churn);
      churn.start(rate);
      Await.sleep(options.warmup());
      long skippedBefore = churn.skipped();
      long failedBefore = churn.failed();
      long cpuBefore = cpu.cpuMicros(SELF);
      long start = System.nanoTime();
      window.from = start;
      Await.sleep(options.measure());
      long end = System.nanoTime();
      window.until = end;
      churn.stop();
      long cpuAfter = cpu.cpuMicros(SELF);
      long lost = drain(churn, start, end);
      long closes = window.delivered.get() + lost;
      long skipped = churn.skipped() - skippedBefore;
      long failed = churn.failed() - failedBefore;
      Histogram latencies = window.snapshot();
      double seconds = (end - start) / 1e9;
      return new EventLatencyMeasurement(rate, round, closes / seconds, window.delivered.get(), lost,
          window.outOfOrder.get(), skipped, failed, latencies.getValueAtPercentile(50) / 1e3,
          latencies.getValueAtPercentile(99) / 1e3, latencies.getValueAtPercentile(99.9) / 1e3,
          latencies.getMaxValue() / 1e3, (double) (cpuAfter - cpuBefore) / Math.max(1, closes));
    } finally {
      churn.close();
    }
  }

  /** Waits until every close of the measured phase has had its tcpclean delivered; how many never came. */
  private static long drain(ConnectionChurn churn, long start, long end) {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    long missing;
    do {
      missing = churn.closedAt().values().stream().filter(t -> t >= start && t < end).count();
      if (missing == 0 && churn.pending() == 0) {
        return 0;
      }
      Await.sleep(POLL);
    } while (System.nanoTime() < deadline);
    return missing;
  }

  private String table(List<EventLatencyMeasurement> results) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%n=== event-latency: socket close -> tcpclean at an EventConsumer (HTTP "
            + "long poll, batch %d), %d round(s) of %d s warm-up + %d s measured; medians over rounds ===%n",
        options.batchSize(), options.rounds(), options.warmup().toSeconds(), options.measure().toSeconds()));
    text.append(String.format(Locale.ROOT, "%-10s %12s %12s %10s %10s %10s %10s %12s %8s %10s %8s%n", "offered/s",
        "reached/s", "events/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "cpu us/cyc", "lost", "skipped",
        "order"));
    for (int rate : options.rates()) {
      List<EventLatencyMeasurement> of = results.stream().filter(m -> m.offered() == rate).toList();
      if (of.isEmpty()) {
        continue;
      }
      double reached = median(of, EventLatencyMeasurement::reached);
      text.append(String.format(Locale.ROOT, "%,10d %,12.0f %,12.0f %,10.1f %,10.1f %,10.1f %,10.1f %,12.0f %8d %,10d %8d%n",
          rate, reached, 2 * reached, median(of, EventLatencyMeasurement::p50Millis),
          median(of, EventLatencyMeasurement::p99Millis), median(of, EventLatencyMeasurement::p999Millis),
          median(of, EventLatencyMeasurement::maxMillis), median(of, EventLatencyMeasurement::cpuMicrosPerCycle),
          of.stream().mapToLong(EventLatencyMeasurement::lost).sum(),
          of.stream().mapToLong(EventLatencyMeasurement::skipped).sum(),
          of.stream().mapToLong(EventLatencyMeasurement::outOfOrder).sum()));
    }
    text.append("events/s counts the stream: a connect and a tcpclean per cycle\n");
    return text.toString();
  }

  private static double median(List<EventLatencyMeasurement> of, ToDoubleFunction<EventLatencyMeasurement> metric) {
    return Stats.median(of.stream().mapToDouble(metric).toArray());
  }

  private static Path createRunDir() {
    try {
      return Files.createTempDirectory("tenantmq-bench-events-");
    } catch (IOException e) {
      throw new BenchException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  /** The measured phase's window of close times and what arrived for it. */
  static final class Window {
    final ConnectionChurn churn;
    final Histogram latencies = new Histogram(3);
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong outOfOrder = new AtomicLong();
    final Set<String> connected = ConcurrentHashMap.newKeySet();
    volatile long from = Long.MAX_VALUE;
    volatile long until = Long.MAX_VALUE;

    Window(ConnectionChurn churn) {
      this.churn = churn;
    }

    synchronized void record(long micros) {
      latencies.recordValue(Math.max(1, micros));
    }

    synchronized Histogram snapshot() {
      return latencies.copy();
    }
  }

  /** The consumer's listener: matches each tcpclean of the current phase's clients with its socket's close. */
  static final class Sink implements MessageListener {
    private volatile Window window;
    private final AtomicLong errors = new AtomicLong();
    private volatile String lastError = "";

    Window follow(ConnectionChurn churn) {
      Window w = new Window(churn);
      window = w;
      return w;
    }

    void error(Throwable e) {
      errors.incrementAndGet();
      lastError = e.toString();
    }

    @Override
    public ConsumeStatus consume(List<ClientStatusEvent> events) {
      long now = System.nanoTime();
      Window w = window;
      if (w == null) {
        return ConsumeStatus.CONSUME_SUCCESS;
      }
      Map<String, Long> closedAt = w.churn.closedAt();
      for (ClientStatusEvent event : events) {
        if (!w.churn.isOurs(event.clientId())) {
          continue;
        }
        if (event.eventType() == EventType.CONNECT) {
          w.connected.add(event.clientId());
          continue;
        }
        if (event.eventType() != EventType.TCPCLEAN) {
          continue;
        }
        if (!w.connected.remove(event.clientId())) {
          w.outOfOrder.incrementAndGet();
        }
        Long closed = closedAt.remove(event.clientId());
        if (closed != null && closed >= w.from && closed < w.until) {
          w.delivered.incrementAndGet();
          w.record((now - closed) / 1_000);
        }
      }
      return ConsumeStatus.CONSUME_SUCCESS;
    }
  }
}
