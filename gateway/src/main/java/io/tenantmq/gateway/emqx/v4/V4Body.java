package io.tenantmq.gateway.emqx.v4;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * The JSON body of a v4 request. As minirest reads it: no body is no parameters, and a body that is not JSON is
 * HTTP 400 {@code Bad Request} in plain text before any handler runs. JSON of the wrong shape is code 109.
 */
final class V4Body {

  private V4Body() {
  }

  /** The body's object; an empty one when there is no body. */
  static JsonObject object(RoutingContext ctx) {
    Object value = parse(ctx);
    if (value == null) {
      return new JsonObject();
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new V4Exception(V4Code.PARAM_NOT_JSON, "the request body must be a JSON object");
  }

  /** The body's array of objects (a batch); an empty one when there is no body. */
  static JsonArray objects(RoutingContext ctx) {
    Object value = parse(ctx);
    if (value == null) {
      return new JsonArray();
    }
    if (value instanceof JsonArray array && array.stream().allMatch(JsonObject.class::isInstance)) {
      return array;
    }
    throw new V4Exception(V4Code.PARAM_NOT_JSON, "the request body must be a JSON array of objects");
  }

  private static Object parse(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Json.decodeValue(text);
    } catch (DecodeException e) {
      throw new HttpException(400, "Bad Request");
    }
  }
}
