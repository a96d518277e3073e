package io.tenantmq.gateway.aliyun;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one signed request: the query's, plus a POST's form fields (URL-encoded or multipart, as the LMQ
 * demos send them). Names are case-sensitive, as the signature is. A name given more than once has, as the signing
 * rule says (API-NOTES §3.3), its values sorted and comma-joined: the value a handler uses is the one that was signed.
 */
final class AliyunParams {

  static final String ACCESS_KEY = "accessKey";
  static final String SIGNATURE = "signature";

  private final Map<String, List<String>> values;

  private AliyunParams(Map<String, List<String>> values) {
    this.values = values;
  }

  static AliyunParams of(RoutingContext ctx) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    // the query alone: request.params() also holds a POST's form once it is read
    addAll(values, ctx.queryParams());
    if (ctx.request().method() == HttpMethod.POST) {
      addAll(values, ctx.request().formAttributes());
    }
    return new AliyunParams(values);
  }

  private static void addAll(Map<String, List<String>> values, MultiMap from) {
    from.forEach(e -> values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
  }

  /** The value of {@code name}, or null when it is absent or blank. */
  String value(String name) {
    List<String> given = values.get(name);
    if (given == null) {
      return null;
    }
    String value;
    if (given.size() == 1) {
      value = given.get(0);
    } else {
      List<String> sorted = new ArrayList<>(given);
      sorted.sort(null);
      value = String.join(",", sorted);
    }
    return value.isBlank() ? null : value;
  }

  /** The first of {@code names} that is absent or blank, or null when all are there. */
  String firstMissing(List<String> names) {
    for (String name : names) {
      if (value(name) == null) {
        return name;
      }
    }
    return null;
  }

  /** The parameters {@code names} as they are signed (all present: check {@link #firstMissing} first). */
  Map<String, List<String>> signed(List<String> names) {
    Map<String, List<String>> signed = new LinkedHashMap<>();
    names.forEach(name -> signed.put(name, values.get(name)));
    return signed;
  }

  /**
   * The signature as sent. Base64 never holds a space, so a space can only be a {@code +} that a hand-built query
   * (curl without encoding) left unencoded and form decoding turned into a space: it is read back as {@code +}.
   */
  String signature() {
    String signature = value(SIGNATURE);
    return signature == null ? null : signature.replace(' ', '+');
  }
}
