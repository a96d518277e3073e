package io.tenantmq.gateway.admin;

/** The error codes of the admin API, each with its HTTP status; rendered as {@code {"error":{"code","message"}}}. */
public enum AdminError {
  /** The body or a parameter is malformed; the message names the field. */
  INVALID_PARAMETER(400),
  /** No operator token, or a wrong one. */
  UNAUTHORIZED(401),
  /** The resource in the path does not exist (or the endpoint does not). */
  NOT_FOUND(404),
  /** A resource with the requested id exists already. */
  ALREADY_EXISTS(409),
  BODY_TOO_LARGE(413),
  /** Anything else; logged once at the edge. */
  INTERNAL(500);

  private final int httpStatus;

  AdminError(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
