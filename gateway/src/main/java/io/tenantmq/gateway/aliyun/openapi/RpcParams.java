package io.tenantmq.gateway.aliyun.openapi;

import io.vertx.core.MultiMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoded parameters of one RPC call: those of the query and, for a form POST, of the body. Each name once: the
 * signature covers a map of names to values, so a repeated name has no one meaning and is refused.
 */
record RpcParams(Map<String, String> values) {

  RpcParams {
    values = Map.copyOf(values);
  }

  /** {@code params} as Vert.x decoded them (form attributes merged into the query's). */
  static RpcParams of(MultiMap params) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : params.names()) {
      List<String> all = params.getAll(name);
      if (all.size() > 1) {
        throw OnsMqttErrors.invalidParameter(name, "given more than once");
      }
      values.put(name, all.get(0));
    }
    return new RpcParams(values);
  }

  /** The value of {@code name}; {@code Missing<name>} when it is absent or empty. */
  String required(String name) {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      throw OnsMqttErrors.missing(name);
    }
    return value;
  }

  /** The value of {@code name}, or null. */
  String optional(String name) {
    String value = values.get(name);
    return value == null || value.isEmpty() ? null : value;
  }
}
