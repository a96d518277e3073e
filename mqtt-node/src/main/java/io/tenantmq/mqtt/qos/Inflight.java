package io.tenantmq.mqtt.qos;

/**
 * A QoS 1/2 message sent to the client and not yet acknowledged.
 *
 * @param released QoS 2 only: PUBREC arrived and PUBREL was sent; waiting for PUBCOMP
 */
public record Inflight(int packetId, Outbound outbound, boolean released) {
  public Inflight release() {
    return new Inflight(packetId, outbound, true);
  }
}
