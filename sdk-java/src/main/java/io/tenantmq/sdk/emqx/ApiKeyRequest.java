package io.tenantmq.sdk.emqx;

import java.time.OffsetDateTime;

/**
 * The settable fields of an API key: {@code name} when creating ({@code POST /api_key}, required), the others when
 * creating or updating ({@code PUT /api_key/{name}}, which takes no name). Null fields are not sent. On create that
 * means the server's defaults (enabled, no expiry); on update, as EMQX does it, a null {@code desc} or {@code enable}
 * stays as it was but a null {@code expiredAt} means no expiry.
 */
public record ApiKeyRequest(String name, OffsetDateTime expiredAt, String desc, Boolean enable) {

  public static ApiKeyRequest create(String name, String desc) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("name must not be empty");
    }
    return new ApiKeyRequest(name, null, desc, true);
  }

  /** An update: {@code desc} and {@code enable} change when not null; {@code expiredAt} is set (null: never). */
  public static ApiKeyRequest update(OffsetDateTime expiredAt, String desc, Boolean enable) {
    return new ApiKeyRequest(null, expiredAt, desc, enable);
  }
}
