package io.tenantmq.sdk.emqx;

import java.time.OffsetDateTime;

/**
 * An API key as {@code /api_key} describes it. {@code apiSecret} is set only in the answer that created the key:
 * the server keeps no readable copy.
 *
 * @param expiredAt an RFC 3339 time, or {@code "infinity"}
 * @param expired   whether {@code expiredAt} has passed
 */
public record ApiKey(String name, String apiKey, String apiSecret, String expiredAt, OffsetDateTime createdAt,
                     String desc, Boolean enable, Boolean expired, String role) {
}
