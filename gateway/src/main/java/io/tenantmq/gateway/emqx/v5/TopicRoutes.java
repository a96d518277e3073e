package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.control.topic.TopicSyntax;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.EmqxScope;
import io.tenantmq.gateway.emqx.QueryParams;
import io.tenantmq.gateway.emqx.Reply;
import io.tenantmq.gateway.emqx.v5.InstanceSubscriptions.Subscription;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * {@code GET /topics} and {@code /topics/{topic}}: EMQX's routes, the topic filters that have subscribers in the
 * instance, once per node that has them (emqx_mgmt_api_topics.erl, 5.8). A shared subscription's route is
 * {@code $share/{group}/{filter}}. Read from the sessions' subscriptions in the registry, which are per instance; the
 * brokers' route table has no index by instance.
 */
final class TopicRoutes {

  /** One route: a filter with subscribers on a node. */
  private record Route(String topic, String node) {
  }

  private static final Comparator<Route> ORDER = Comparator.comparing(Route::topic).thenComparing(Route::node);

  private final InstanceSubscriptions subscriptions;

  TopicRoutes(GatewayContext context) {
    this.subscriptions = new InstanceSubscriptions(context.control());
  }

  void mount(Router v5) {
    v5.get("/topics").handler(Reply.of(this::list));
    v5.get("/topics/:topic").handler(Reply.of(this::lookup));
  }

  private Future<Reply> list(RoutingContext ctx) {
    QueryParams q = QueryParams.of(ctx);
    ListPage page = ListPage.of(q);
    String topic = q.text("topic").orElse(null);
    if (topic != null && TopicSyntax.filterProblem(topic) != null) {
      // EMQX's own spelling of the code, kept so that a client matching on it still matches
      throw new EmqxException(400, "INVALID_PARAMTER", "topic_filter_invalid");
    }
    return routes(ctx, q.text("node").orElse(null), s -> topic == null || topic.equals(s.topic()))
        .map(found -> Reply.ok(page.answer(found, TopicRoutes::format)));
  }

  /** The routes of one topic: its own and those of shared subscriptions to it, as EMQX's lookup_routes finds them. */
  private Future<Reply> lookup(RoutingContext ctx) {
    String topic = ctx.pathParam("topic");
    return routes(ctx, null, s -> topic.equals(s.topic()) || topic.equals(TopicSyntax.unshared(s.topic())))
        .map(found -> {
          if (found.isEmpty()) {
            throw EmqxException.notFound("TOPIC_NOT_FOUND", "Topic not found");
          }
          JsonArray data = new JsonArray();
          found.forEach(r -> data.add(format(r)));
          return Reply.ok(data);
        });
  }

  private Future<List<Route>> routes(RoutingContext ctx, String node,
                                     Predicate<Subscription> keep) {
    return subscriptions.find(ctx, EmqxScope.of(ctx).instanceId(), null, InstanceSubscriptions.onNode(node), keep)
        .map(found -> {
          TreeSet<Route> routes = new TreeSet<>(ORDER);
          found.forEach(s -> routes.add(new Route(s.topic(), s.node())));
          return new ArrayList<>(routes);
        });
  }

  private static JsonObject format(Route r) {
    return new JsonObject().put("topic", r.topic()).put("node", r.node());
  }
}
