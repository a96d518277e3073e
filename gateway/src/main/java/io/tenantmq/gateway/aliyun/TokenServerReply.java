package io.tenantmq.gateway.aliyun;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * One answer of the token server, in the envelope Aliyun's token interface answers with and its demos read:
 * {@code {"success", "message", "code", "tokenData"}}. {@code code} repeats the HTTP status; {@code tokenData} is only
 * in a successful {@code /token/apply}. {@link #toString()} leaves the token out so it is never logged.
 */
record TokenServerReply(int status, String message, String tokenData) {

  static final int OK = 200;
  static final int BAD_REQUEST = 400;
  static final int FORBIDDEN = 403;

  static TokenServerReply token(String token) {
    return new TokenServerReply(OK, "success", token);
  }

  static TokenServerReply done() {
    return new TokenServerReply(OK, "success", null);
  }

  static TokenServerReply badRequest(String message) {
    return new TokenServerReply(BAD_REQUEST, message, null);
  }

  /** The one answer for an unknown AccessKey, a wrong signature and an instance that is not the key's. */
  static TokenServerReply denied() {
    return new TokenServerReply(FORBIDDEN,
        "access denied: unknown accessKey, wrong signature, or an instance this accessKey may not use", null);
  }

  static TokenServerReply unavailable() {
    return new TokenServerReply(503, "token service unavailable, retry", null);
  }

  JsonObject body() {
    JsonObject body = new JsonObject().put("success", status == OK).put("message", message).put("code", status);
    if (tokenData != null) {
      body.put("tokenData", tokenData);
    }
    return body;
  }

  void send(RoutingContext ctx) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json;charset=UTF-8")
        .end(body().encode());
  }

  @Override
  public String toString() {
    return "TokenServerReply[" + status + " " + message + "]";
  }
}
