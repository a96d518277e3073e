package io.tenantmq.sdk.emqx;

import com.fasterxml.jackson.databind.JavaType;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code /topics}: the routing table of the key's instance (the topic filters with subscribers). */
public final class TopicsApi {

  private static final JavaType PAGE = EmqxJson.MAPPER.getTypeFactory().constructParametricType(Page.class, Route.class);
  private static final JavaType ROUTES = EmqxJson.MAPPER.getTypeFactory().constructCollectionType(List.class, Route.class);

  private final EmqxStyleClient client;

  TopicsApi(EmqxStyleClient client) {
    this.client = client;
  }

  /** {@code GET /topics}: page {@code page} of routes; {@code topic} and {@code node} filter when not null. */
  public CompletableFuture<Page<Route>> list(String topic, String node, int page, int limit) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be at least 1, was " + page);
    }
    QueryString q = new QueryString().add("topic", topic).add("node", node).add("page", page)
        .add("limit", ClientsApi.checkLimit(limit));
    return client.call("GET", "/topics" + q.encoded(), null, PAGE);
  }

  /** {@code GET /topics/{topic}}: the routes of one topic filter; 404 {@code TOPIC_NOT_FOUND} when it has none. */
  public CompletableFuture<List<Route>> get(String topic) {
    return client.call("GET", "/topics/" + EmqxStyleClient.segment(topic), null, ROUTES);
  }
}
