package io.tenantmq.control.tenant;

import java.security.SecureRandom;

/**
 * Fresh random ids and secrets, for whoever creates tenants, instances or demo credentials without being given an id.
 * Ids are lowercase DNS labels ({@link Instance#ID_PATTERN}); secrets are alphanumeric.
 */
public final class NewIds {

  private static final String LOWERCASE = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private NewIds() {
  }

  public static String tenantId() {
    return "tenant-" + lowercase(8);
  }

  public static String instanceId() {
    return "mqtt-" + lowercase(8);
  }

  /** {@code length} random lowercase letters and digits. */
  public static String lowercase(int length) {
    return random(LOWERCASE, length);
  }

  /** {@code length} random letters and digits: about 5.95 bits each. */
  public static String alphanumeric(int length) {
    return random(ALPHANUMERIC, length);
  }

  private static String random(String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
