package io.tenantmq.gateway.emqx.v4;

/** A v4 error: HTTP 200 with {@code {"code": <v4 code>, "message": "…"}}, written by {@link V4Api}'s failure handler. */
final class V4Exception extends RuntimeException {

  private final V4Code code;

  V4Exception(V4Code code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  V4Code code() {
    return code;
  }
}
