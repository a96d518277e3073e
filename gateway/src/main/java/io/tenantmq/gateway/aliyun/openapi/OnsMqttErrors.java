package io.tenantmq.gateway.aliyun.openapi;

/**
 * The errors this API answers with. The signature and parameter errors are those Alibaba Cloud's RPC gateway answers
 * for every product (its common error codes, messages as it writes them); the instance and parameter-check errors are
 * OnsMqtt's own (the error tables of its API reference, which give them HTTP 400).
 */
final class OnsMqttErrors {

  private OnsMqttErrors() {
  }

  /** A required parameter is absent or empty: POP's {@code Missing{ParameterName}}. */
  static OnsMqttException missing(String parameter) {
    return new OnsMqttException(400, "Missing" + parameter, parameter + " is mandatory for this action.");
  }

  /** A common parameter has a value the gateway does not accept: POP's {@code Invalid{ParameterName}}. */
  static OnsMqttException invalidCommon(String parameter) {
    return new OnsMqttException(400, "Invalid" + parameter, "Specified parameter " + parameter + " is not valid.");
  }

  /** An action parameter is not valid: OnsMqtt's {@code InvalidParameter.%s}, with what is wrong. */
  static OnsMqttException invalidParameter(String parameter, String problem) {
    return new OnsMqttException(400, "InvalidParameter." + parameter,
        "An error occurred while validating the parameter " + parameter + ": " + problem);
  }

  static OnsMqttException invalidFormat() {
    return new OnsMqttException(400, "InvalidParameter.Format", "Specified parameter format is not valid.");
  }

  static OnsMqttException apiNotFound(String action, String version) {
    return new OnsMqttException(404, "InvalidApi.NotFound",
        "Specified api is not found, please check your url and method. (" + action + ", " + version + ")");
  }

  static OnsMqttException signatureMethod() {
    return new OnsMqttException(400, "InvalidSignatureMethod", "Specified signature method is not valid.");
  }

  static OnsMqttException timestampFormat() {
    return new OnsMqttException(400, "InvalidTimeStamp.Format",
        "Specified time stamp or date value is not well formatted.");
  }

  static OnsMqttException timestampExpired() {
    return new OnsMqttException(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
  }

  static OnsMqttException accessKeyNotFound() {
    return new OnsMqttException(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
  }

  /** As Alibaba Cloud does, the message shows the server's string to sign (it holds no secret) to help debugging. */
  static OnsMqttException signatureMismatch(String stringToSign) {
    return new OnsMqttException(400, "SignatureDoesNotMatch",
        "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);
  }

  static OnsMqttException nonceUsed() {
    return new OnsMqttException(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
  }

  /** Alike for an instance that does not exist and one of another tenant: the caller learns nothing. */
  static OnsMqttException instancePermission() {
    return new OnsMqttException(400, "InstancePermissionCheckFailed",
        "An error occurred while validating the permissions of the instance. Please verify the account that created"
            + " the instance and its permissions settings.");
  }

  static OnsMqttException internal() {
    return new OnsMqttException(500, "InternalError",
        "An error occurred while processing your request. Try again later.");
  }
}
