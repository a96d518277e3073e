package io.tenantmq.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything one bench run needs, validated once; BenchMain builds it from the command line.
 *
 * @param rounds           rounds per broker; the broker order alternates per round
 * @param warmup           load before each measured phase, not counted
 * @param measure          length of each measured phase
 * @param qosLevels        QoS levels to run, in order (0 and/or 1)
 * @param brokers          brokers to run, in the order of the first round
 * @param scenario         load shape shared by every measured phase
 * @param tenantMqJar      absolute path of the TenantMQ launcher jar
 * @param tenantMqJvmArgs  extra JVM arguments for the TenantMQ process
 * @param mosquittoBinary  mosquitto executable, a name looked up on PATH or a path
 * @param brokerStartTimeout how long a broker may take to accept connections
 */
record BenchOptions(
    int rounds,
    Duration warmup,
    Duration measure,
    List<Integer> qosLevels,
    List<BrokerKind> brokers,
    ScenarioOptions scenario,
    Path tenantMqJar,
    List<String> tenantMqJvmArgs,
    String mosquittoBinary,
    Duration brokerStartTimeout) {

  static final int MAX_ROUNDS = 100;

  BenchOptions {
    if (rounds < 1 || rounds > MAX_ROUNDS) {
      throw new IllegalArgumentException("rounds must be 1.." + MAX_ROUNDS + ", was " + rounds);
    }
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warm-up must not be negative");
    }
    if (measure.isZero() || measure.isNegative()) {
      throw new IllegalArgumentException("measured phase must be positive");
    }
    if (qosLevels.isEmpty() || qosLevels.stream().anyMatch(q -> q != 0 && q != 1)) {
      throw new IllegalArgumentException("qos must be a list of 0 and 1, was " + qosLevels);
    }
    if (brokers.isEmpty()) {
      throw new IllegalArgumentException("at least one broker is needed");
    }
    qosLevels = List.copyOf(qosLevels);
    brokers = List.copyOf(brokers);
    tenantMqJvmArgs = List.copyOf(tenantMqJvmArgs);
  }

  /** Round r (0-based) runs the brokers in the configured order when r is even and reversed when odd, so neither always goes first. */
  List<BrokerKind> brokerOrder(int round) {
    if (round % 2 == 0) {
      return brokers;
    }
    List<BrokerKind> reversed = new ArrayList<>(brokers);
    Collections.reverse(reversed);
    return reversed;
  }
}
