package io.tenantmq.gateway.emqx;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The JSON body of a request; a missing or malformed one, or one of the wrong shape, is a 400 BAD_REQUEST. */
public final class RequestBody {

  private RequestBody() {
  }

  public static JsonObject object(RoutingContext ctx) {
    if (parse(ctx) instanceof JsonObject object) {
      return object;
    }
    throw EmqxException.badRequest("the request body must be a JSON object");
  }

  public static JsonArray array(RoutingContext ctx) {
    if (parse(ctx) instanceof JsonArray array) {
      return array;
    }
    throw EmqxException.badRequest("the request body must be a JSON array");
  }

  private static Object parse(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw EmqxException.badRequest("the request body is missing");
    }
    try {
      return Json.decodeValue(text);
    } catch (DecodeException e) {
      throw EmqxException.badRequest("the request body is not JSON: " + e.getMessage());
    }
  }

  /** A required text field. */
  public static String text(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!(value instanceof String s)) {
      throw EmqxException.badRequest(field + (value == null ? ": required field missing" : ": expected a string"));
    }
    return s;
  }

  /** An optional integer field within min..max. */
  public static int integer(JsonObject body, String field, int defaultValue, int min, int max) {
    Object value = body.getValue(field);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
        || ((Number) value).longValue() > max) {
      throw EmqxException.badRequest(field + ": expected an integer in " + min + ".." + max + ", got: " + value);
    }
    return ((Number) value).intValue();
  }

  /** An optional boolean field. */
  public static boolean bool(JsonObject body, String field, boolean defaultValue) {
    Object value = body.getValue(field);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Boolean b)) {
      throw EmqxException.badRequest(field + ": expected true or false, got: " + value);
    }
    return b;
  }

  /**
   * A time field as EMQX's {@code epoch_second} type reads it: epoch seconds (a number or its digits) or an RFC 3339
   * date-time, in epoch milliseconds. {@code alsoAccepted} starts the message with what else the caller takes (such
   * as {@code "\"infinity\", "}), for a value that is neither.
   */
  public static long epochSecondsAsMillis(JsonObject body, String field, String alsoAccepted) {
    Object value = body.getValue(field);
    try {
      if (value instanceof Integer || value instanceof Long) {
        return secondsToMillis(((Number) value).longValue());
      }
      if (value instanceof String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit) ? secondsToMillis(Long.parseLong(text))
            : OffsetDateTime.parse(text).toInstant().toEpochMilli();
      }
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      // the message below
    }
    throw EmqxException.badRequest(field + ": expected " + alsoAccepted + "an RFC 3339 date-time or epoch seconds, got: "
        + value);
  }

  private static long secondsToMillis(long epochSeconds) {
    if (epochSeconds < 0) {
      throw new ArithmeticException("negative");
    }
    return Math.multiplyExact(epochSeconds, 1000L);
  }
}
