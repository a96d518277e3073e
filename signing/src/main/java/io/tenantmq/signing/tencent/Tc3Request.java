package io.tenantmq.signing.tencent;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A request as TC3 signs it, taken from what was received: method, the raw query string (GET), the headers (names
 * case-insensitive), the raw body bytes, and {@code X-TC-Timestamp}.
 */
public record Tc3Request(String method, String rawQuery, Map<String, String> headers, byte[] body, long timestampSeconds) {

  public Tc3Request {
    Objects.requireNonNull(method, "method");
    rawQuery = rawQuery == null ? "" : rawQuery;
    Map<String, String> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    headers = Map.copyOf(lower);
    body = body == null ? new byte[0] : body.clone();
  }

  /** The header's value by lowercase name, or null. */
  public String header(String lowercaseName) {
    return headers.get(lowercaseName);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
