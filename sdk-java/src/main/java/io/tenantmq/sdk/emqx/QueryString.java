package io.tenantmq.sdk.emqx;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Query parameters in order, a name repeated for each value (EMQX's {@code clientid=a&clientid=b}). */
final class QueryString {

  private final List<String[]> params = new ArrayList<>();

  QueryString add(String name, Object value) {
    if (value != null) {
      params.add(new String[] {name, String.valueOf(value)});
    }
    return this;
  }

  QueryString addAll(String name, Collection<?> values) {
    values.forEach(v -> add(name, v));
    return this;
  }

  /** {@code ?a=1&b=2}, or empty when there are no parameters. */
  String encoded() {
    if (params.isEmpty()) {
      return "";
    }
    StringBuilder query = new StringBuilder();
    for (String[] p : params) {
      query.append(query.length() == 0 ? '?' : '&').append(encode(p[0])).append('=').append(encode(p[1]));
    }
    return query.toString();
  }

  /** Percent-encodes a query value or path segment (a space as %20, so it fits both). */
  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
