package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.gateway.tencent.Paging;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/** The {@code {TotalCount, Data}} answer of the list actions: the count of every match, the items of one page. */
final class ListAnswer {

  private ListAnswer() {
  }

  static <T> JsonObject of(List<T> matched, Paging paging, Function<T, JsonObject> item) {
    return of(matched.size(), paging.page(matched).stream().map(item).toList());
  }

  static JsonObject of(int totalCount, List<JsonObject> page) {
    return new JsonObject().put("TotalCount", (long) totalCount).put("Data", new JsonArray(List.copyOf(page)));
  }
}
