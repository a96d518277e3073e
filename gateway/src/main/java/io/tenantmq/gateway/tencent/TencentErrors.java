package io.tenantmq.gateway.tencent;

/**
 * The error codes of API-NOTES §1.9 and §2.4 that TenantMQ answers, each with the one message shape it always has, so
 * that two causes of one code can never be told apart by their wording (an instance of another tenant reads exactly
 * like a missing one).
 */
public final class TencentErrors {

  public static final String INVALID_AUTHORIZATION = "AuthFailure.InvalidAuthorization";
  public static final String SECRET_ID_NOT_FOUND = "AuthFailure.SecretIdNotFound";
  public static final String SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";
  public static final String SIGNATURE_FAILURE = "AuthFailure.SignatureFailure";
  public static final String UNAUTHORIZED_OPERATION = "UnauthorizedOperation";
  public static final String INTERNAL_ERROR = "InternalError";
  public static final String INVALID_ACTION = "InvalidAction";
  public static final String NO_SUCH_VERSION = "NoSuchVersion";
  public static final String INVALID_PARAMETER = "InvalidParameter";
  public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
  public static final String MISSING_PARAMETER = "MissingParameter";
  public static final String UNKNOWN_PARAMETER = "UnknownParameter";
  public static final String REQUEST_LIMIT_EXCEEDED = "RequestLimitExceeded";
  public static final String REQUEST_SIZE_LIMIT_EXCEEDED = "RequestSizeLimitExceeded";
  public static final String UNSUPPORTED_PROTOCOL = "UnsupportedProtocol";
  public static final String RESOURCE_ALREADY_EXISTS = "UnsupportedOperation.ResourceAlreadyExists";

  private TencentErrors() {
  }

  public static TencentException invalidAuthorization() {
    return new TencentException(INVALID_AUTHORIZATION,
        "The Authorization header is missing or is not a valid TC3-HMAC-SHA256 authorization.");
  }

  public static TencentException secretIdNotFound() {
    return new TencentException(SECRET_ID_NOT_FOUND,
        "The SecretId is not found, please ensure that your SecretId is correct.");
  }

  public static TencentException signatureExpire() {
    return new TencentException(SIGNATURE_EXPIRE,
        "Signature expired. Timestamp and server time cannot differ by more than five minutes.");
  }

  public static TencentException signatureFailure() {
    return new TencentException(SIGNATURE_FAILURE,
        "The provided credentials could not be validated. Please check your signature is correct.");
  }

  public static TencentException unauthorizedOperation(String what) {
    return new TencentException(UNAUTHORIZED_OPERATION, "The credential is not allowed to " + what + ".");
  }

  public static TencentException internalError() {
    return new TencentException(INTERNAL_ERROR,
        "An internal error has occurred. Retry your request; if the problem persists, report its RequestId.");
  }

  public static TencentException invalidAction(String action) {
    return new TencentException(INVALID_ACTION, "The action `" + action + "` does not exist.");
  }

  public static TencentException noSuchVersion(String action, String version) {
    return new TencentException(NO_SUCH_VERSION,
        "The action `" + action + "` does not exist in version `" + version + "`.");
  }

  public static TencentException invalidParameter(String why) {
    return new TencentException(INVALID_PARAMETER, why);
  }

  public static TencentException invalidParameterValue(String parameter, String why) {
    return new TencentException(INVALID_PARAMETER_VALUE, "The value of parameter `" + parameter + "` " + why + ".");
  }

  public static TencentException missingParameter(String parameter) {
    return new TencentException(MISSING_PARAMETER, "The request is missing a required parameter `" + parameter + "`.");
  }

  public static TencentException unknownParameter(String parameter) {
    return new TencentException(UNKNOWN_PARAMETER,
        "The parameter `" + parameter + "` is not recognized by this action.");
  }

  public static TencentException requestLimitExceeded(String action, int perSecond) {
    return new TencentException(REQUEST_LIMIT_EXCEEDED, "Your calls to " + action + " exceeded the limit of "
        + perSecond + " per second for this SecretId. Retry later.");
  }

  public static TencentException requestSizeLimitExceeded(long limitBytes) {
    return new TencentException(REQUEST_SIZE_LIMIT_EXCEEDED,
        "The request is larger than the limit of " + limitBytes + " bytes.");
  }

  public static TencentException unsupportedProtocol(String method) {
    return new TencentException(UNSUPPORTED_PROTOCOL,
        "The HTTP method " + method + " is not supported; use POST (JSON) or GET (form-encoded).");
  }

  /** {@code ResourceNotFound.<kind>}; {@code kind} is, e.g., "Instance", "Client", "Topic", "Username". */
  public static TencentException notFound(String kind, String noun, String id) {
    return new TencentException("ResourceNotFound." + kind, "The " + noun + " `" + id + "` does not exist.");
  }

  /** The one answer for an instance that is missing or belongs to someone else. */
  public static TencentException instanceNotFound(String instanceId) {
    return notFound("Instance", "instance", instanceId);
  }

  public static TencentException alreadyExists(String noun, String id) {
    return new TencentException(RESOURCE_ALREADY_EXISTS, "The " + noun + " `" + id + "` already exists.");
  }
}
