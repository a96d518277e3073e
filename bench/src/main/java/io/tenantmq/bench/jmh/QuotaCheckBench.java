package io.tenantmq.bench.jmh;

import io.tenantmq.mqtt.metrics.InstanceMetrics;
import io.tenantmq.mqtt.quota.ClientQuota;
import io.tenantmq.mqtt.quota.InstanceQuota;
import io.tenantmq.mqtt.quota.PublishVerdict;
import io.tenantmq.mqtt.quota.QuotaLimits;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the quota check costs per inbound PUBLISH ({@link ClientQuota#onPublish}): with no rate limited (the common
 * case), with the client's rate, and with the client's and the instance's rates (rates high enough never to refuse).
 * Run: {@code java -cp bench/target/tenantmq-bench.jar org.openjdk.jmh.Main QuotaCheckBench -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QuotaCheckBench {

  private static final int NEVER = 1_000_000_000;

  private ClientQuota unlimited;
  private ClientQuota clientRate;
  private ClientQuota bothRates;

  @Setup
  public void setUp() {
    unlimited = quota(new QuotaLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0, 1 << 20, 1000));
    clientRate = quota(new QuotaLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, NEVER, 0, 1 << 20, 1000));
    bothRates = quota(new QuotaLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, NEVER, NEVER, 1 << 20, 1000));
  }

  private static ClientQuota quota(QuotaLimits limits) {
    return new ClientQuota(new InstanceQuota("bench", new InstanceMetrics(), limits));
  }

  @Benchmark
  public PublishVerdict noRateLimited() {
    return unlimited.onPublish(120, true);
  }

  @Benchmark
  public PublishVerdict clientRateLimited() {
    return clientRate.onPublish(120, true);
  }

  @Benchmark
  public PublishVerdict clientAndInstanceRatesLimited() {
    return bothRates.onPublish(120, true);
  }
}
