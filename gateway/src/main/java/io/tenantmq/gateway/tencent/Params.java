package io.tenantmq.gateway.tencent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an action's parameters with the API's types (String, Integer, Boolean, arrays, objects) and its error codes:
 * {@code MissingParameter} for a required one that is absent, {@code InvalidParameterValue} for a wrong type or an
 * out-of-range value. Remembers what was read, so that {@link #rejectUnread()} can answer {@code UnknownParameter} for
 * the rest. A JSON {@code null} counts as absent.
 *
 * <p>Parameters of a form-encoded GET arrive as strings ({@link FormParams}); then integers and booleans are parsed
 * from their text, as the API does for query strings.
 */
public final class Params {

  private final JsonObject values;
  private final boolean fromForm;
  private final Set<String> read = new HashSet<>();

  private Params(JsonObject values, boolean fromForm) {
    this.values = values;
    this.fromForm = fromForm;
  }

  /** The parameters of a JSON body. */
  public static Params json(JsonObject body) {
    return new Params(body, false);
  }

  /** The parameters of a form-encoded query, as {@link FormParams#toJson} nested them. */
  public static Params form(JsonObject query) {
    return new Params(query, true);
  }

  public String requiredString(String name) {
    return string(name).orElseThrow(() -> TencentErrors.missingParameter(name));
  }

  /** A required string that must not be empty either. */
  public String requiredNonEmptyString(String name) {
    String value = requiredString(name);
    if (value.isEmpty()) {
      throw TencentErrors.invalidParameterValue(name, "must not be empty");
    }
    return value;
  }

  public Optional<String> string(String name) {
    return raw(name).map(v -> asString(name, v));
  }

  public boolean requiredBoolean(String name) {
    return bool(name).orElseThrow(() -> TencentErrors.missingParameter(name));
  }

  public Optional<Boolean> bool(String name) {
    return raw(name).map(v -> asBoolean(name, v));
  }

  public long requiredInteger(String name) {
    return integer(name).orElseThrow(() -> TencentErrors.missingParameter(name));
  }

  public Optional<Long> integer(String name) {
    return raw(name).map(v -> asInteger(name, v));
  }

  /** An optional integer within {@code min..max}. */
  public Optional<Long> integer(String name, long min, long max) {
    Optional<Long> value = integer(name);
    value.ifPresent(v -> {
      if (v < min || v > max) {
        throw TencentErrors.invalidParameterValue(name, "must be within " + min + ".." + max + ", was " + v);
      }
    });
    return value;
  }

  /** {@code Offset} (from 0) and {@code Limit} (1..{@code maxLimit}, default {@code defaultLimit}). */
  public Paging paging(long defaultLimit, long maxLimit) {
    long offset = integer("Offset", 0, Integer.MAX_VALUE).orElse(0L);
    long limit = integer("Limit", 1, maxLimit).orElse(defaultLimit);
    return new Paging(offset, limit);
  }

  /** An optional array of strings. */
  public Optional<List<String>> strings(String name) {
    return raw(name).map(v -> asStrings(name, v));
  }

  /**
   * {@code Filters}: an array of {@code {"Name": String, "Values": [String]}}, each name one of {@code allowedNames}.
   * Absent means no filter.
   */
  public List<Filter> filters(String name, Set<String> allowedNames) {
    Optional<Object> value = raw(name);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof JsonArray array)) {
      throw TencentErrors.invalidParameterValue(name, "must be an array of {Name, Values}");
    }
    List<Filter> filters = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = name + "." + i;
      if (!(array.getValue(i) instanceof JsonObject filter)) {
        throw TencentErrors.invalidParameterValue(at, "must be an object {Name, Values}");
      }
      for (String field : filter.fieldNames()) {
        if (!field.equals("Name") && !field.equals("Values")) {
          throw TencentErrors.unknownParameter(at + "." + field);
        }
      }
      Object filterName = filter.getValue("Name");
      if (filterName == null) {
        throw TencentErrors.missingParameter(at + ".Name");
      }
      String n = asString(at + ".Name", filterName);
      if (!allowedNames.contains(n)) {
        throw TencentErrors.invalidParameterValue(at + ".Name",
            "must be one of " + allowedNames.stream().sorted().toList() + ", was " + n);
      }
      Object filterValues = filter.getValue("Values");
      List<String> values = filterValues == null ? List.of() : asStrings(at + ".Values", filterValues);
      filters.add(new Filter(n, values));
    }
    return List.copyOf(filters);
  }

  /** Parameters the action accepts and ignores (purchase options and the like); marks them as known. */
  public void accept(String... names) {
    read.addAll(List.of(names));
  }

  /** Throws {@code UnknownParameter} for the first parameter (in body order) the action did not read. */
  public void rejectUnread() {
    for (String name : values.fieldNames()) {
      if (!read.contains(name)) {
        throw TencentErrors.unknownParameter(name);
      }
    }
  }

  private Optional<Object> raw(String name) {
    read.add(name);
    return Optional.ofNullable(values.getValue(name));
  }

  private String asString(String name, Object value) {
    if (value instanceof String s) {
      return s;
    }
    throw TencentErrors.invalidParameterValue(name, "must be a string");
  }

  private boolean asBoolean(String name, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (fromForm && value instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw TencentErrors.invalidParameterValue(name, "must be a boolean");
  }

  private long asInteger(String name, Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    if (fromForm && value instanceof String s && s.matches("-?\\d{1,18}")) {
      return Long.parseLong(s);
    }
    throw TencentErrors.invalidParameterValue(name, "must be an integer");
  }

  private List<String> asStrings(String name, Object value) {
    if (!(value instanceof JsonArray array)) {
      throw TencentErrors.invalidParameterValue(name, "must be an array of strings");
    }
    List<String> strings = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof String s)) {
        throw TencentErrors.invalidParameterValue(name + "." + i, "must be a string");
      }
      strings.add(s);
    }
    return List.copyOf(strings);
  }
}
