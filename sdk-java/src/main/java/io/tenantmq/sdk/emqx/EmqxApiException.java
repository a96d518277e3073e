package io.tenantmq.sdk.emqx;

/**
 * An error status (4xx, 5xx) the API answered, with EMQX's body {@code {"code", "message"}}; or a body the client
 * cannot read ({@value #UNEXPECTED_RESPONSE}). The publish calls answer some errors as {@code {"reason_code",
 * "message"}} instead (an MQTT reason code, e.g. 144 for an invalid topic name): then {@link #reasonCode()} is set and
 * {@link #code()} is {@value #PUBLISH_ERROR}.
 */
public final class EmqxApiException extends RuntimeException {

  /** The SDK's own code for an answer that is not EMQX's error shape, or does not fit the expected type. */
  public static final String UNEXPECTED_RESPONSE = "UNEXPECTED_RESPONSE";
  /** The SDK's own code for a publish error answered as {@code {"reason_code", "message"}}. */
  public static final String PUBLISH_ERROR = "PUBLISH_ERROR";

  private final int status;
  private final String code;
  private final Integer reasonCode;

  public EmqxApiException(int status, String code, String message, Integer reasonCode) {
    super(message);
    this.status = status;
    this.code = code;
    this.reasonCode = reasonCode;
  }

  /** The HTTP status, e.g. 404. */
  public int status() {
    return status;
  }

  /** EMQX's error code, e.g. {@code CLIENTID_NOT_FOUND}. */
  public String code() {
    return code;
  }

  /** The MQTT reason code of a publish error; null for other errors. */
  public Integer reasonCode() {
    return reasonCode;
  }

  @Override
  public String toString() {
    return "EmqxApiException[" + status + " " + code + (reasonCode == null ? "" : " reason_code " + reasonCode)
        + ": " + getMessage() + "]";
  }
}
