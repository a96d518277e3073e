package io.tenantmq.control.credential;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets at rest with AES-256-GCM under the operator's key (from configuration; every member of a cluster must
 * have the same one). Sealed form: {@code v1:} + Base64(12-byte nonce ‖ ciphertext ‖ tag). Thread-safe.
 */
public final class SecretCipher {

  private static final String VERSION = "v1:";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;

  /** {@code key} must be 32 bytes. */
  public SecretCipher(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the secret encryption key must be 32 bytes, was " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  public static byte[] newKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }

  public String seal(String secret) {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /** The secret in clear; fails when {@code sealed} was not sealed with this key. */
  public String open(String sealed) {
    if (!sealed.startsWith(VERSION)) {
      throw new IllegalArgumentException("not a sealed secret");
    }
    byte[] all = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
      return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a stored secret cannot be opened with the configured encryption key", e);
    }
  }
}
