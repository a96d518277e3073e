package io.tenantmq.mqtt.quota;

/** What the quotas say about one inbound PUBLISH. */
public enum PublishVerdict {
  /** Within every quota. */
  PASS,
  /**
   * Over a rate that slows the sender down instead of refusing: handle the packet, then stop reading from the
   * connection for {@link ClientQuota#pauseMillis()} (as EMQX 5's message rate limiter and BifroMQ's tenant inbound
   * throughput do).
   */
  THROTTLE,
  /** MQTT 5 client over its own message rate: DISCONNECT 0x96 (as BifroMQ does for its per-client MaxMsgPerSec). */
  RATE_TOO_HIGH,
  /** Larger than the instance's maximum packet size: DISCONNECT 0x95 (MQTT 5) or close (MQTT 3.1.1). */
  PACKET_TOO_LARGE
}
