package io.tenantmq.gateway.aliyun.openapi;

import java.util.Objects;

/**
 * An answer of the OnsMqtt API that is an error: HTTP status, {@code Code} and {@code Message} of Alibaba Cloud's error
 * envelope. Made by {@link OnsMqttErrors}; carries no stack trace, since it is an expected outcome, not a bug.
 */
public final class OnsMqttException extends RuntimeException {

  private final int status;
  private final String code;

  public OnsMqttException(int status, String code, String message) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
