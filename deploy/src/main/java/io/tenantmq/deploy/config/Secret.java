package io.tenantmq.deploy.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;

/**
 * A configured secret (the operator token, the encryption key). Its {@link #toString()} hides the value, so a
 * configuration record can be printed or logged without leaking it; read it with {@link #value()} where it is used.
 */
public record Secret(String value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Secret {
    Objects.requireNonNull(value, "value");
  }

  /** Null for null, so optional settings stay optional. */
  public static Secret of(String value) {
    return value == null ? null : new Secret(value);
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
