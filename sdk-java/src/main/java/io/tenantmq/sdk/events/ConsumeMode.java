package io.tenantmq.sdk.events;

import java.util.Locale;

/** How the consumers of one consumer group share a topic, as RocketMQ's {@code MessageModel}. */
public enum ConsumeMode {
  /** Each event goes to one consumer of the group; the group has one committed offset. */
  CLUSTERING,
  /** Each consumer (by consumer id) gets every event and has its own committed offset. */
  BROADCASTING;

  /** The wire name: {@code clustering} or {@code broadcasting}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
