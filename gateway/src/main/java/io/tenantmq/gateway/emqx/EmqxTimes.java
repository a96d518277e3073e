package io.tenantmq.gateway.emqx;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times as EMQX writes them: v5 RFC 3339 with milliseconds and the numeric offset of the server's zone
 * ({@code 2024-01-01T12:34:56.789+08:00}, {@code +00:00} rather than {@code Z}), v4 {@code YYYY-MM-DD HH:mm:ss} in
 * the server's zone.
 */
public final class EmqxTimes {

  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
  private static final DateTimeFormatter RFC3339_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
  private static final DateTimeFormatter V4 = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private EmqxTimes() {
  }

  public static String rfc3339(long epochMillis) {
    return RFC3339.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
  }

  /** RFC 3339 to the second, as EMQX writes an API key's {@code created_at} and {@code expired_at}. */
  public static String rfc3339Seconds(long epochMillis) {
    return RFC3339_SECONDS.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
  }

  public static String v4(long epochMillis) {
    return V4.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
  }
}
