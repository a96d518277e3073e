package io.tenantmq.control.token;

import io.tenantmq.signing.common.Crypto;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The stored name of a token: SHA-256 of it, base64url. Tokens carry 256 random bits, so a plain hash is enough (no
 * salt or stretching needed); anyone reading the store learns nothing they can connect with.
 */
public final class TokenDigest {

  private TokenDigest() {
  }

  public static String of(String token) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Crypto.sha256(token.getBytes(StandardCharsets.UTF_8)));
  }
}
