package io.tenantmq.gateway.admin;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON object of a request body, read field by field with typed accessors. Anything but an object, an unknown
 * field (a typo must not be silently ignored) or a field of the wrong type is an {@link AdminError#INVALID_PARAMETER}
 * that names the field. An empty body reads as {@code {}}.
 */
final class JsonBody {

  private final JsonObject json;

  private JsonBody(JsonObject json) {
    this.json = json;
  }

  static JsonBody parse(RoutingContext ctx, Set<String> allowedFields) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    JsonObject json;
    if (text == null || text.isBlank()) {
      json = new JsonObject();
    } else {
      try {
        Object value = Json.decodeValue(text);
        if (!(value instanceof JsonObject object)) {
          throw AdminException.invalid("the body must be a JSON object");
        }
        json = object;
      } catch (DecodeException e) {
        throw AdminException.invalid("the body is not valid JSON");
      }
    }
    return of(json, allowedFields);
  }

  /** A JSON object nested in a body, read as a body is. */
  static JsonBody of(JsonObject json, Set<String> allowedFields) {
    for (String field : json.fieldNames()) {
      if (!allowedFields.contains(field)) {
        throw AdminException.invalid("unknown field '" + field + "'; expected " + String.join(", ", new TreeSet<>(allowedFields)));
      }
    }
    return new JsonBody(json);
  }

  /** The string field, empty when absent or null. */
  Optional<String> text(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s)) {
      throw AdminException.invalid(field + " must be a string");
    }
    return Optional.of(s);
  }

  String requiredText(String field) {
    return text(field).orElseThrow(() -> AdminException.invalid(field + " is required"));
  }

  /** The boolean field, empty when absent or null. */
  Optional<Boolean> flag(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Boolean b)) {
      throw AdminException.invalid(field + " must be true or false");
    }
    return Optional.of(b);
  }

  /** The array field, empty when absent or null. */
  Optional<JsonArray> array(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonArray a)) {
      throw AdminException.invalid(field + " must be an array");
    }
    return Optional.of(a);
  }

  /** The integer field, empty when absent or null. */
  Optional<Integer> integer(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Integer i)) {
      throw AdminException.invalid(field + " must be an integer");
    }
    return Optional.of(i);
  }
}
