package io.tenantmq.sdk.tencent;

/**
 * An error the API answered in its envelope ({@code Response.Error}), or an answer that is no envelope at all. The
 * codes are the API's ({@code ResourceNotFound.Client}, {@code AuthFailure.SignatureFailure}, ...), plus the SDK's
 * own {@value #SERVER_SIDE_ERROR} for a non-200 status and {@value #CLIENT_SIDE_ERROR} for a body that cannot be read.
 */
public final class TencentApiException extends RuntimeException {

  /** As the official SDK: any HTTP status but 200 (the API answers its errors with 200). */
  public static final String SERVER_SIDE_ERROR = "ServerSideError";
  /** The body is not the JSON envelope, or does not fit the response type. */
  public static final String CLIENT_SIDE_ERROR = "ClientSideError";

  private final String code;
  private final String requestId;

  public TencentApiException(String code, String message, String requestId) {
    super(message);
    this.code = code;
    this.requestId = requestId;
  }

  /** The error code, e.g. {@code ResourceNotFound.Client}. */
  public String code() {
    return code;
  }

  /** The RequestId of the answer; null when there was no envelope. */
  public String requestId() {
    return requestId;
  }

  @Override
  public String toString() {
    return "TencentApiException[" + code + ": " + getMessage() + ", RequestId " + requestId + "]";
  }
}
