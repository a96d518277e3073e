package io.tenantmq.bench.load;

import java.util.Locale;

/**
 * One measured phase of the event-latency scenario at one offered rate.
 *
 * @param offered          connect-and-close cycles per second asked for
 * @param reached          cycles per second whose socket was closed during the measured phase
 * @param delivered        tcpcleans of those closes the consumer received
 * @param lost             closes whose tcpclean had not arrived when the drain gave up; a healthy run has none
 * @param outOfOrder       tcpcleans that reached the consumer before their channel's connect
 * @param skipped          cycles not started because too many were under way (the machine could not keep up)
 * @param failed           cycles whose connection or CONNACK failed
 * @param cpuMicrosPerCycle CPU of the whole JVM (product, clients, consumer) per cycle
 */
record EventLatencyMeasurement(int offered, int round, double reached, long delivered, long lost, long outOfOrder,
                               long skipped, long failed, double p50Millis, double p99Millis, double p999Millis,
                               double maxMillis, double cpuMicrosPerCycle) {

  String oneLine() {
    return String.format(Locale.ROOT, "offered %,6d/s  round %d  reached %,8.0f closes/s  delivered %,d  lost %d"
            + "  out-of-order %d  skipped %,d  failed %,d  close->tcpclean p50 %,.1f ms  p99 %,.1f ms  p99.9 %,.1f ms"
            + "  max %,.1f ms  cpu %,.0f us/cycle",
        offered, round, reached, delivered, lost, outOfOrder, skipped, failed, p50Millis, p99Millis, p999Millis,
        maxMillis, cpuMicrosPerCycle);
  }
}
