package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.registry.ClientQuery;
import io.tenantmq.gateway.emqx.QueryParams;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code page} and {@code limit} of a list request (1.., 1..10000, defaults 1 and 100, EMQX's schema) and the
 * {@code {"data", "meta": {page, limit, count, hasnext}}} answer for one page of a list known whole.
 */
record ListPage(int page, int limit) {

  static final int DEFAULT_LIMIT = 100;

  static ListPage of(QueryParams q) {
    return new ListPage(q.integer("page", 1, 1, Integer.MAX_VALUE),
        q.integer("limit", DEFAULT_LIMIT, 1, ClientQuery.MAX_LIMIT));
  }

  <T> JsonObject answer(List<T> all, Function<T, JsonObject> format) {
    long from = (long) (page - 1) * limit;
    int start = (int) Math.min(from, all.size());
    int end = (int) Math.min(from + limit, all.size());
    JsonArray data = new JsonArray();
    all.subList(start, end).forEach(item -> data.add(format.apply(item)));
    return new JsonObject().put("data", data).put("meta", new JsonObject().put("page", page).put("limit", limit)
        .put("count", all.size()).put("hasnext", end < all.size()));
  }
}
