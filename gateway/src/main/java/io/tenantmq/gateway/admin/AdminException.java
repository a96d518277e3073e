package io.tenantmq.gateway.admin;

/** An expected failure of an admin request, rendered as its {@link AdminError}. Stackless: it is not a bug. */
final class AdminException extends RuntimeException {

  private final AdminError error;

  AdminException(AdminError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  AdminError error() {
    return error;
  }

  static AdminException invalid(String message) {
    return new AdminException(AdminError.INVALID_PARAMETER, message);
  }

  static AdminException notFound(String message) {
    return new AdminException(AdminError.NOT_FOUND, message);
  }

  static AdminException exists(String message) {
    return new AdminException(AdminError.ALREADY_EXISTS, message);
  }
}
