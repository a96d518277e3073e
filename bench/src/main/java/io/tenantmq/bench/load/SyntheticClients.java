package io.tenantmq.bench.load;

import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.ClientRegistry;
import io.tenantmq.control.registry.ClientState;
import io.tenantmq.control.registry.PacketCounter;
import io.tenantmq.control.registry.TrafficCounters;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Registered clients without connections: client {@code n} is {@code dev-n} of instance {@code n % instances}, with
 * the fields a real connected client has (address, subscriptions, traffic counters), written straight into the
 * cluster's registry. Real TCP connections by the hundred thousand would not fit a small machine; the
 * DescribeMQTTClient path reads the same record either way.
 */
final class SyntheticClients {

  /** Writes in flight at once while filling: enough to keep the partitions busy, few enough to bound memory. */
  static final int FILL_WINDOW = 256;
  private static final Duration FILL_TIMEOUT = Duration.ofMinutes(10);

  private final List<String> instanceIds;
  private final String node;
  private final long createdAtMillis;

  SyntheticClients(List<String> instanceIds, String node, long createdAtMillis) {
    this.instanceIds = List.copyOf(instanceIds);
    this.node = node;
    this.createdAtMillis = createdAtMillis;
  }

  String instanceOf(int n) {
    return instanceIds.get(n % instanceIds.size());
  }

  static String clientId(int n) {
    return "dev-" + n;
  }

  ClientRecord record(int n) {
    long[] received = new long[PacketCounter.size()];
    long[] sent = new long[PacketCounter.size()];
    received[PacketCounter.CONNECT.ordinal()] = 1;
    received[PacketCounter.SUBSCRIBE.ordinal()] = 2;
    received[PacketCounter.PUBLISH_QOS1.ordinal()] = n % 100;
    received[PacketCounter.PINGREQ.ordinal()] = n % 7;
    received[PacketCounter.PACKETS.ordinal()] = 3 + n % 100 + n % 7;
    received[PacketCounter.BYTES.ordinal()] = 120 + 64L * (n % 100);
    sent[PacketCounter.CONNACK.ordinal()] = 1;
    sent[PacketCounter.SUBACK.ordinal()] = 2;
    sent[PacketCounter.PUBACK.ordinal()] = n % 100;
    sent[PacketCounter.PUBLISH_QOS0.ordinal()] = n % 13;
    sent[PacketCounter.PINGRESP.ordinal()] = n % 7;
    sent[PacketCounter.PACKETS.ordinal()] = 3 + n % 100 + n % 13 + n % 7;
    sent[PacketCounter.BYTES.ordinal()] = 40 + 70L * (n % 13);
    boolean v5 = n % 2 == 0;
    return new ClientRecord(instanceOf(n), clientId(n), node, String.format(Locale.ROOT, "%032x", n),
        "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff) + ":" + (40_000 + n % 20_000),
        v5 ? 5 : 4, 60, !v5, v5 ? 3_600 : 0, null, null, ClientState.CONNECTED, createdAtMillis, createdAtMillis, 0,
        Map.of("devices/" + n + "/cmd", 1, "broadcast/#", 0), new TrafficCounters(received, sent));
  }

  /** Registers clients {@code from} (inclusive) to {@code to} (exclusive); blocks until all are written. */
  void register(ClientRegistry registry, int from, int to) {
    Semaphore window = new Semaphore(FILL_WINDOW);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      for (int n = from; n < to && failure.get() == null; n++) {
        window.acquire();
        registry.connect(record(n)).whenComplete((previous, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
          window.release();
        });
      }
      if (!window.tryAcquire(FILL_WINDOW, FILL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new BenchException("registry writes did not complete within " + FILL_TIMEOUT.toMinutes() + " min");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted while registering clients");
    }
    if (failure.get() != null) {
      throw new BenchException("registering clients failed: " + failure.get(), failure.get());
    }
  }
}
