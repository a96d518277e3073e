package io.tenantmq.sdk.emqx;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A ban: clients matching {@code who} (as {@code as}) may not connect from {@code at} until {@code until}.
 *
 * @param until an RFC 3339 time, or {@code "infinity"} for a ban without end ({@link #untilTime()} reads it)
 */
public record Ban(BanKind as, String who, String by, String reason, OffsetDateTime at, String until) {

  /** When the ban ends; empty for a ban without end. */
  public Optional<OffsetDateTime> untilTime() {
    return until == null || until.equals("infinity") ? Optional.empty() : Optional.of(OffsetDateTime.parse(until));
  }
}
