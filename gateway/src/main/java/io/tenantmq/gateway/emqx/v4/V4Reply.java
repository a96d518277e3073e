package io.tenantmq.gateway.emqx.v4;

import io.tenantmq.gateway.emqx.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The v4 envelope, as minirest's {@code return/1} writes it; always HTTP 200. */
final class V4Reply {

  private static final Logger LOG = LoggerFactory.getLogger(V4Reply.class);

  private V4Reply() {
  }

  /** {@code {"code": 0}}. */
  static Reply ok() {
    return Reply.ok(new JsonObject().put("code", V4Code.SUCCESS.code()));
  }

  /** {@code {"code": 0, "data": data}}. */
  static Reply data(Object data) {
    return Reply.ok(new JsonObject().put("code", V4Code.SUCCESS.code()).put("data", data));
  }

  /** {@code {"code": 0, "data": data, "meta": meta}}. */
  static Reply page(Object data, JsonObject meta) {
    return Reply.ok(new JsonObject().put("code", V4Code.SUCCESS.code()).put("data", data).put("meta", meta));
  }

  static Reply failed(V4Code code, String message) {
    return Reply.ok(error(code, message));
  }

  /** {@code {"code": code, "message": message}}. */
  static JsonObject error(V4Code code, String message) {
    return new JsonObject().put("code", code.code()).put("message", message);
  }

  /**
   * {@code command}, whose failure (the node that owns the client could not be reached) becomes code 101, as v4
   * answers a failed call to another node.
   */
  static <T> Future<T> badRpcOnFailure(Future<T> command) {
    return command.recover(e -> {
      LOG.warn("EMQX v4 API: a command to the client's node failed", e);
      return Future.failedFuture(new V4Exception(V4Code.BADRPC, "badrpc"));
    });
  }
}
