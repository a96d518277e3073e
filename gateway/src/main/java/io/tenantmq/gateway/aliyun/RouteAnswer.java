package io.tenantmq.gateway.aliyun;

import io.vertx.core.json.JsonObject;

/**
 * One answer of {@code /route/clientId/get}: the body {@code {code, success, online, message}} that goes with every
 * status (API-NOTES §3.4).
 *
 * @param online the client's live connections in the instance: 0 or 1 (a client id has one connection per instance),
 *               0 on every error but {@link RouteCode#UNAVAILABLE} (-1, "unknown")
 */
record RouteAnswer(RouteCode code, int online, String message) {

  static RouteAnswer online(int online) {
    return new RouteAnswer(RouteCode.OK, online, "success");
  }

  static RouteAnswer missing(String parameter) {
    return new RouteAnswer(RouteCode.MISSING_PARAMETER, 0, "missing parameter: " + parameter);
  }

  static RouteAnswer badTimestamp() {
    return new RouteAnswer(RouteCode.MISSING_PARAMETER, 0, "timestamp must be an epoch time in milliseconds");
  }

  static RouteAnswer signatureError() {
    return new RouteAnswer(RouteCode.SIGNATURE_ERROR, 0, "signature error: unknown accessKey or wrong signature");
  }

  /** The same whether or not the client exists, and whether or not the instance does. */
  static RouteAnswer permissionError() {
    return new RouteAnswer(RouteCode.PERMISSION_ERROR, 0,
        "permission error: this accessKey may not query this instance");
  }

  static RouteAnswer timestampExpired() {
    return new RouteAnswer(RouteCode.TIMESTAMP_EXPIRED, 0,
        "timestamp expired: it must be within 5 minutes of the server's clock");
  }

  static RouteAnswer unavailable() {
    return new RouteAnswer(RouteCode.UNAVAILABLE, -1, "online state unavailable, retry");
  }

  JsonObject body() {
    return new JsonObject()
        .put("code", code.code())
        .put("success", code == RouteCode.OK)
        .put("online", online)
        .put("message", message);
  }
}
