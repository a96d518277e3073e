package io.tenantmq.deploy.admin;

/** The admin API refused a call: its HTTP status and the {@code error.code} and {@code error.message} it answered. */
final class AdminCallException extends Exception {

  private final int status;
  private final String code;

  AdminCallException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
