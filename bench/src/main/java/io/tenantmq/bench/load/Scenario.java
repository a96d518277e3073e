package io.tenantmq.bench.load;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/**
 * One publisher to one subscriber on one topic, MQTT 3.1.1, against one running broker: connect, warm up, measure, drain.
 * Called from the driver's main thread, which only sequences the phases; the clients run on their own event loops.
 */
final class Scenario {
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration DRAIN_POLL = Duration.ofMillis(10);
  private static final long DRIVER_PID = ProcessHandle.current().pid();

  private final Vertx vertx;
  private final ScenarioOptions options;
  private final Duration warmup;
  private final Duration measure;
  private final ProcessCpu cpu;

  Scenario(Vertx vertx, ScenarioOptions options, Duration warmup, Duration measure, ProcessCpu cpu) {
    this.vertx = vertx;
    this.options = options;
    this.warmup = warmup;
    this.measure = measure;
    this.cpu = cpu;
  }

  Measurement run(BrokerProcess broker, int qos, int round, String runId) {
    String label = broker.kind().label() + " QoS " + qos;
    // fresh client ids and topic per scenario, so nothing left over from an earlier phase can arrive here;
    // ids stay under the 23 characters MQTT 3.1.1 servers must accept [MQTT-3.1.3-5]
    String scenarioId = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffff_ffffL);
    String topic = "bench/" + runId + "/" + broker.kind().label() + "/r" + round + "q" + qos;
    MqttQoS mqttQos = MqttQoS.valueOf(qos);
    Publisher publisher = new Publisher(vertx, "bp-" + scenarioId, topic, mqttQos, options);
    Subscriber subscriber = new Subscriber(vertx, "bs-" + scenarioId, mqttQos, publisher.window());
    FlowWindow window = publisher.window();
    try {
      Await.result(subscriber.connectAndSubscribe(broker.mqttPort(), topic), CLIENT_TIMEOUT, label + " subscriber");
      Await.result(publisher.connect(broker.mqttPort()), CLIENT_TIMEOUT, label + " publisher");
      publisher.start();
      Await.sleep(warmup);

      long startNanos = System.nanoTime();
      subscriber.measureFrom(startNanos);
      long receivedBefore = window.received();
      long cpuBefore = cpu.cpuMicros(broker.pid());
      long driverCpuBefore = cpu.cpuMicros(DRIVER_PID);
      Await.sleep(measure);
      long driverCpuAfter = cpu.cpuMicros(DRIVER_PID);
      long cpuAfter = cpu.cpuMicros(broker.pid());
      long receivedAfter = window.received();
      long endNanos = System.nanoTime();
      subscriber.measureUntil(endNanos);

      long published = Await.result(publisher.stop(), CLIENT_TIMEOUT, label + " stopping the publisher");
      long lost = published - drain(window, published);
      Subscriber.Snapshot seen = Await.result(subscriber.snapshot(), CLIENT_TIMEOUT, label + " subscriber snapshot");
      failIfBroken(label, broker, publisher, subscriber);

      long delivered = receivedAfter - receivedBefore;
      if (delivered == 0) {
        throw new BenchException(label + ": no message arrived during the measured phase");
      }
      Histogram latencies = seen.latencies();
      double measuredMicros = (endNanos - startNanos) / 1e3;
      return new Measurement(
          round,
          broker.kind(),
          qos,
          delivered * 1e9 / (endNanos - startNanos),
          latencies.getValueAtPercentile(50) / 1e3,
          latencies.getValueAtPercentile(99) / 1e3,
          (double) (cpuAfter - cpuBefore) / delivered,
          100.0 * (cpuAfter - cpuBefore) / measuredMicros,
          (double) (driverCpuAfter - driverCpuBefore) / delivered,
          published,
          lost,
          seen.outOfOrder(),
          seen.wrongQos());
    } finally {
      disconnectQuietly(publisher.disconnect());
      disconnectQuietly(subscriber.disconnect());
    }
  }

  /** Waits until the subscriber has everything the publisher sent, or the drain timeout passes; returns what arrived. */
  private static long drain(FlowWindow window, long published) {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    while (window.received() < published && System.nanoTime() < deadline) {
      Await.sleep(DRAIN_POLL);
    }
    return window.received();
  }

  private static void failIfBroken(String label, BrokerProcess broker, Publisher publisher, Subscriber subscriber) {
    if (!broker.isAlive()) {
      throw new BenchException(String.format(Locale.ROOT, "%s: the broker process exited during the scenario; see %s", label, broker.logFile()));
    }
    Throwable cause = publisher.failure() != null ? publisher.failure() : subscriber.failure();
    if (cause != null) {
      throw new BenchException(label + ": client failed: " + cause, cause);
    }
  }

  private static void disconnectQuietly(Future<Void> disconnect) {
    try {
      Await.result(disconnect, CLIENT_TIMEOUT, "disconnect");
    } catch (BenchException e) {
      // the scenario's own outcome matters more than a failed DISCONNECT
    }
  }
}
