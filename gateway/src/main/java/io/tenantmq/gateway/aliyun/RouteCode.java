package io.tenantmq.gateway.aliyun;

/**
 * The {@code code} of a {@code /route/clientId/get} answer with the HTTP status it goes with (API-NOTES §3.4: 400 for
 * a bad request, 403 when authentication or permission fails).
 */
enum RouteCode {
  OK(0, 200),
  MISSING_PARAMETER(1, 400),
  SIGNATURE_ERROR(2, 403),
  PERMISSION_ERROR(3, 403),
  /** The document leaves the status open; an outdated timestamp fails authentication, hence 403. */
  TIMESTAMP_EXPIRED(4, 403),
  /** Not in the document: the registry could not be read; {@code online} is -1, the document's "unknown, retry". */
  UNAVAILABLE(5, 503);

  private final int code;
  private final int httpStatus;

  RouteCode(int code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  int code() {
    return code;
  }

  int httpStatus() {
    return httpStatus;
  }
}
