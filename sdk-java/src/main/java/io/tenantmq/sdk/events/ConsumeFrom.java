package io.tenantmq.sdk.events;

import java.util.Locale;

/** Where a consumer group that has no committed offset yet starts (RocketMQ's {@code ConsumeFromWhere}). */
public enum ConsumeFrom {
  /** The oldest event the stream still holds. */
  FIRST,
  /** Events appended from now on. */
  LAST;

  /** The wire name: {@code first} or {@code last}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
