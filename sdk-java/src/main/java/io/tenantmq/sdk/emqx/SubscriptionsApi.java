package io.tenantmq.sdk.emqx;

import com.fasterxml.jackson.databind.JavaType;
import java.util.concurrent.CompletableFuture;

/** {@code /subscriptions}: the subscriptions of every client of the key's instance. */
public final class SubscriptionsApi {

  private static final JavaType PAGE = EmqxJson.MAPPER.getTypeFactory()
      .constructParametricType(Page.class, Subscription.class);

  private final EmqxStyleClient client;

  SubscriptionsApi(EmqxStyleClient client) {
    this.client = client;
  }

  /** {@code GET /subscriptions}: page {@code page} (from 1) of {@code limit} matching subscriptions. */
  public CompletableFuture<Page<Subscription>> list(SubscriptionQuery query, int page, int limit) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be at least 1, was " + page);
    }
    QueryString q = query.appendTo(new QueryString().add("page", page).add("limit", ClientsApi.checkLimit(limit)));
    return client.call("GET", "/subscriptions" + q.encoded(), null, PAGE);
  }
}
