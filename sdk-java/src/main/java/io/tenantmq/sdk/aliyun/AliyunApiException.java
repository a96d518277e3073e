package io.tenantmq.sdk.aliyun;

/**
 * An error the server answered, with its HTTP status and the code and message of its body, for every API of the
 * client: the OpenAPI's {@code {RequestId, Code, Message}} (code e.g. {@code InvalidAccessKeyId.NotFound}), and the
 * token server's and {@code /route/clientId/get}'s {@code {code, message}} (code a number written as text, e.g.
 * {@code "2"} for a signature error). An answer the client cannot read has the code {@value #UNEXPECTED_RESPONSE}.
 */
public final class AliyunApiException extends RuntimeException {

  /** The SDK's own code for an answer that is not the API's error shape, or does not fit the expected type. */
  public static final String UNEXPECTED_RESPONSE = "SDK.UnexpectedResponse";

  private final int status;
  private final String code;
  private final String requestId;

  public AliyunApiException(int status, String code, String message, String requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }

  /** The HTTP status, e.g. 403. */
  public int status() {
    return status;
  }

  /** The server's error code. */
  public String code() {
    return code;
  }

  /** The OpenAPI's RequestId; null for the other APIs, which send none. */
  public String requestId() {
    return requestId;
  }

  @Override
  public String toString() {
    return "AliyunApiException[" + status + " " + code + ": " + getMessage()
        + (requestId == null ? "" : ", RequestId " + requestId) + "]";
  }
}
