package io.tenantmq.gateway.emqx;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The query parameters of one request, read as EMQX reads them. Each parameter is accepted under its v5 name
 * ({@code page}, {@code like_clientid}) and under the underscored name of v4 and EMQX Cloud ({@code _page},
 * {@code _like_clientid}). A value of the wrong type is a 400 BAD_REQUEST, as EMQX's schema check answers.
 */
public final class QueryParams {

  private final MultiMap params;

  public QueryParams(MultiMap params) {
    this.params = params;
  }

  public static QueryParams of(RoutingContext ctx) {
    return new QueryParams(ctx.queryParams());
  }

  /** Every value of {@code name} and {@code _name}, in order; comma-free (repeat the parameter for several). */
  public List<String> all(String name) {
    List<String> values = new ArrayList<>(params.getAll(name));
    values.addAll(params.getAll("_" + name));
    return values;
  }

  /** The first value of {@code name} (or {@code _name}), if any. */
  public Optional<String> text(String name) {
    List<String> values = all(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public int integer(String name, int defaultValue, int min, int max) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.get().trim());
      if (parsed < min || parsed > max) {
        throw EmqxException.badRequest(name + ": expected an integer in " + min + ".." + max + ", got: " + parsed);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw EmqxException.badRequest(name + ": expected an integer, got: " + value.get());
    }
  }

  public Optional<Integer> integer(String name) {
    return text(name).map(v -> {
      try {
        return Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        throw EmqxException.badRequest(name + ": expected an integer, got: " + v);
      }
    });
  }

  public Optional<Boolean> bool(String name) {
    return text(name).map(v -> switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw EmqxException.badRequest(name + ": expected true or false, got: " + v);
    });
  }

  /** A time given as epoch milliseconds or as an RFC 3339 date-time, in epoch milliseconds. */
  public Optional<Long> time(String name) {
    return text(name).map(v -> {
      String t = v.trim();
      if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
        try {
          return Long.parseLong(t);
        } catch (NumberFormatException e) {
          throw EmqxException.badRequest(name + ": epoch milliseconds out of range: " + v);
        }
      }
      try {
        return OffsetDateTime.parse(t).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        throw EmqxException.badRequest(name + ": expected epoch milliseconds or an RFC 3339 date-time, got: " + v);
      }
    });
  }

  /** A time given as whole epoch seconds (EMQX v4's time bounds), in epoch milliseconds. */
  public Optional<Long> epochSeconds(String name) {
    return text(name).map(v -> {
      try {
        return Math.multiplyExact(Long.parseLong(v.trim()), 1000L);
      } catch (NumberFormatException | ArithmeticException e) {
        throw EmqxException.badRequest(name + ": expected epoch seconds, got: " + v);
      }
    });
  }

  /** One of {@code allowed}, case as given. */
  public Optional<String> oneOf(String name, List<String> allowed) {
    return text(name).map(v -> {
      if (!allowed.contains(v)) {
        throw EmqxException.badRequest(name + ": expected one of " + allowed + ", got: " + v);
      }
      return v;
    });
  }
}
