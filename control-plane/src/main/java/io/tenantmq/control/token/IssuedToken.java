package io.tenantmq.control.token;

/**
 * A token just applied for: the token in clear, which exists only here (to hand to the device), and what was stored.
 * {@link #toString()} leaves the token out so it is never logged.
 */
public record IssuedToken(String token, AccessToken stored) {
  @Override
  public String toString() {
    return "IssuedToken[" + stored + "]";
  }
}
