package io.tenantmq.mqtt.auth;

import java.util.Set;

/**
 * The Aliyun tokens a connection logged in with, as long as it lives: closed when the first of them expires or when
 * any is revoked ({@link TokenLogins}). Only digests: the tokens themselves are not kept.
 *
 * @param digests        {@code TokenDigest} of each token presented
 * @param expireAtMillis the earliest expiry among them (epoch ms)
 */
public record TokenGrant(Set<String> digests, long expireAtMillis) {
  public TokenGrant {
    digests = Set.copyOf(digests);
  }
}
