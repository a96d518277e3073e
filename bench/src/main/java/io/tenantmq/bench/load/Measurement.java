package io.tenantmq.bench.load;

/**
 * The result of one measured phase: one broker, one QoS, one round.
 *
 * @param msgsPerSecond        messages received by the subscriber per second of the measured phase
 * @param p50Micros            median end-to-end latency of messages sent during the measured phase
 * @param p99Micros            99th percentile of the same
 * @param cpuMicrosPerMessage  broker process CPU (user + system) during the measured phase per message received
 * @param brokerCpuPercent     broker process CPU during the measured phase, in percent of one core; near 100 for
 *                             single-threaded mosquitto means the broker, not the driver, is the bottleneck
 * @param driverCpuMicrosPerMessage the bench JVM's own CPU per message; it shares the machine with the broker
 * @param published            messages published over the whole scenario (warm-up included)
 * @param lost                 published minus received once the subscriber had drained; must be 0
 * @param outOfOrder           messages whose sequence number was not the previous one plus one; must be 0, as one publisher's
 *                             messages on one topic keep their order [MQTT-4.6.0-6]
 * @param wrongQos             messages delivered at a QoS other than the one published and subscribed with; must be 0
 */
record Measurement(
    int round,
    BrokerKind broker,
    int qos,
    double msgsPerSecond,
    double p50Micros,
    double p99Micros,
    double cpuMicrosPerMessage,
    double brokerCpuPercent,
    double driverCpuMicrosPerMessage,
    long published,
    long lost,
    long outOfOrder,
    long wrongQos) {

  /** Whether the broker delivered every message once, in order, at the requested QoS. */
  boolean intact() {
    return lost == 0 && outOfOrder == 0 && wrongQos == 0;
  }

  String oneLine() {
    return String.format(java.util.Locale.ROOT,
        "round %d  %-9s  QoS %d  %,9.0f msgs/s  p50 %,8.1f us  p99 %,8.1f us  broker cpu %5.2f us/msg (%3.0f%% of a core)"
            + "  driver cpu %5.2f us/msg  published %,d  lost %d  out-of-order %d  wrong-qos %d",
        round, broker.label(), qos, msgsPerSecond, p50Micros, p99Micros, cpuMicrosPerMessage, brokerCpuPercent,
        driverCpuMicrosPerMessage, published, lost, outOfOrder, wrongQos);
  }
}
