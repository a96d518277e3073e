package io.tenantmq.gateway.tencent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a form-encoded GET, nested the way the API flattens them: {@code Filters.0.Name=x} is
 * {@code {"Filters":[{"Name":"x"}]}}, {@code Values.1=b} the second element of {@code Values}. Every leaf stays a
 * string; {@link Params#form} parses integers and booleans from it.
 */
public final class FormParams {

  private FormParams() {
  }

  /** The parameters of a raw (still encoded) query string. */
  public static JsonObject toJson(String rawQuery) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      insert(root, key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return (JsonObject) convert(root, "");
  }

  private static String decode(String encoded) {
    try {
      return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw TencentErrors.invalidParameter("The query string is not valid form encoding.");
    }
  }

  @SuppressWarnings("unchecked")
  private static void insert(Map<String, Object> root, String key, String value) {
    String[] path = key.split("\\.", -1);
    Map<String, Object> node = root;
    for (int i = 0; i < path.length - 1; i++) {
      Object child = node.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
      if (!(child instanceof Map)) {
        throw conflict(key);
      }
      node = (Map<String, Object>) child;
    }
    if (node.putIfAbsent(path[path.length - 1], value) != null) {
      throw conflict(key); // a repeated key, or one that is both a value and a container
    }
  }

  /** A node whose keys are exactly 0..n-1 is an array; any other node an object. */
  @SuppressWarnings("unchecked")
  private static Object convert(Object node, String path) {
    if (!(node instanceof Map)) {
      return node;
    }
    Map<String, Object> map = (Map<String, Object>) node;
    boolean array = !map.isEmpty() && !path.isEmpty();
    for (int i = 0; array && i < map.size(); i++) {
      array = map.containsKey(Integer.toString(i));
    }
    if (array) {
      JsonArray out = new JsonArray();
      for (int i = 0; i < map.size(); i++) {
        out.add(convert(map.get(Integer.toString(i)), path + "." + i));
      }
      return out;
    }
    JsonObject out = new JsonObject();
    map.forEach((k, v) -> out.put(k, convert(v, path.isEmpty() ? k : path + "." + k)));
    return out;
  }

  private static TencentException conflict(String key) {
    return TencentErrors.invalidParameter("The query parameter `" + key + "` is repeated or conflicts with another.");
  }
}
