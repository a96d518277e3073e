package io.tenantmq.sdk.emqx;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A ban to create ({@code POST /banned}). Null {@code by}, {@code reason} and {@code at} take the server's defaults
 * (the API, empty, now); a null {@code until} bans without end.
 */
public record BanRequest(BanKind as, String who, String by, String reason, OffsetDateTime at, OffsetDateTime until) {

  public BanRequest {
    Objects.requireNonNull(as, "as");
    if (who == null || who.isEmpty()) {
      throw new IllegalArgumentException("who must not be empty");
    }
  }

  public static BanRequest of(BanKind as, String who, String reason) {
    return new BanRequest(as, who, null, reason, null, null);
  }

  public BanRequest until(OffsetDateTime until) {
    return new BanRequest(as, who, by, reason, at, until);
  }
}
