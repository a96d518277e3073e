package io.tenantmq.gateway.emqx;

/**
 * An error as EMQX's v5 API reports it: an HTTP status and {@code {"code": "<UPPER_SNAKE>", "message": "…"}}. The v4
 * routes translate it into their own numeric codes.
 */
public final class EmqxException extends RuntimeException {

  private final int status;
  private final String code;

  public EmqxException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** 400 BAD_REQUEST: a parameter fails the schema (type, range, enum), as EMQX's swagger check words it. */
  public static EmqxException badRequest(String message) {
    return new EmqxException(400, "BAD_REQUEST", message);
  }

  /** 400 INVALID_PARAMETER: a well-typed parameter a handler cannot use. */
  public static EmqxException invalidParameter(String message) {
    return new EmqxException(400, "INVALID_PARAMETER", message);
  }

  public static EmqxException clientNotFound() {
    return new EmqxException(404, "CLIENTID_NOT_FOUND", "Client ID not found");
  }

  public static EmqxException notFound(String code, String message) {
    return new EmqxException(404, code, message);
  }

  public static EmqxException badApiKey() {
    return new EmqxException(401, "BAD_API_KEY_OR_SECRET", "Check api_key/api_secret");
  }

  public static EmqxException authorizationHeader() {
    return new EmqxException(401, "AUTHORIZATION_HEADER_ERROR", "Support authorization: basic/bearer ");
  }
}
