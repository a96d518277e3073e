package io.tenantmq.bench.load;

import java.time.Duration;
import java.util.List;

/**
 * The shape of a scenario that measures API calls against a growing client registry (describe-client,
 * emqx-clients).
 *
 * @param clientCounts          registry sizes to measure at, ascending; the registry grows from one to the next
 * @param instances             instances (one per tenant) the registered clients are spread over, round robin
 * @param concurrency           calls kept in flight by the driver
 * @param credentialsPerTenant  describe-client: Tencent credentials per tenant the calls rotate over; the API limits
 *                              each credential to 20 DescribeMQTTClient calls per second, and the bench measures the
 *                              server, not that. (emqx-clients uses one API key per instance: EMQX keys have no limit.)
 * @param liveClients           real MQTT clients kept connected (and publishing) on the demo instance meanwhile
 */
record RegistryBenchOptions(
    List<Integer> clientCounts,
    int instances,
    int concurrency,
    int credentialsPerTenant,
    int liveClients,
    int rounds,
    Duration warmup,
    Duration measure) {

  static final int MAX_CLIENTS = 1_000_000;

  RegistryBenchOptions {
    if (clientCounts.isEmpty()) {
      throw new IllegalArgumentException("at least one client count is needed");
    }
    for (int i = 0; i < clientCounts.size(); i++) {
      int count = clientCounts.get(i);
      if (count < 1 || count > MAX_CLIENTS) {
        throw new IllegalArgumentException("client counts must be 1.." + MAX_CLIENTS + ", was " + count);
      }
      if (i > 0 && count <= clientCounts.get(i - 1)) {
        throw new IllegalArgumentException("client counts must ascend (the registry only grows), was " + clientCounts);
      }
    }
    if (instances < 1 || instances > 1_000) {
      throw new IllegalArgumentException("instances must be 1..1000, was " + instances);
    }
    if (concurrency < 1 || concurrency > 1_024) {
      throw new IllegalArgumentException("concurrency must be 1..1024, was " + concurrency);
    }
    if (credentialsPerTenant < 1 || credentialsPerTenant > 1_000) {
      throw new IllegalArgumentException("credentials per tenant must be 1..1000, was " + credentialsPerTenant);
    }
    if (liveClients < 0 || liveClients > 1_000) {
      throw new IllegalArgumentException("live clients must be 0..1000, was " + liveClients);
    }
    if (rounds < 1 || rounds > BenchOptions.MAX_ROUNDS) {
      throw new IllegalArgumentException("rounds must be 1.." + BenchOptions.MAX_ROUNDS + ", was " + rounds);
    }
    if (warmup.isNegative() || measure.isZero() || measure.isNegative()) {
      throw new IllegalArgumentException("warm-up must not be negative and the measured phase must be positive");
    }
    clientCounts = List.copyOf(clientCounts);
  }
}
