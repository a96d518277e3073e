package io.tenantmq.gateway.tencent;

import java.util.Objects;

/**
 * An answer of the Tencent API that is an error: its {@code Code} and {@code Message}, as {@link Envelope} writes
 * them. Actions fail their future with one (usually made by {@link TencentErrors}); anything else that fails an action
 * becomes {@code InternalError}. Carries no stack trace: it is an expected outcome, not a bug.
 */
public final class TencentException extends RuntimeException {

  private final String code;

  public TencentException(String code, String message) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  public String code() {
    return code;
  }
}
