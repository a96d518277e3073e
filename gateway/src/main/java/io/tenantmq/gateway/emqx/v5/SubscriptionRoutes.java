package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.registry.ClientFilter;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.control.topic.TopicSyntax;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.EmqxScope;
import io.tenantmq.gateway.emqx.QueryParams;
import io.tenantmq.gateway.emqx.Reply;
import io.tenantmq.gateway.emqx.v5.InstanceSubscriptions.Subscription;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code GET /subscriptions}: every subscription of the instance's sessions on any node, with EMQX's filters
 * (emqx_mgmt_api_subscriptions.erl, 5.8):
 * <ul>
 *   <li>{@code clientid}, {@code node}, {@code qos} exact; {@code share_group} only shared subscriptions of that
 *   group; {@code topic} the subscribed filter exactly (with {@code share_group}, the filter inside the share);</li>
 *   <li>{@code match_topic} a topic filter the subscribed filter matches with its levels taken literally ({@code a/#}
 *   keeps {@code a/b} and {@code a/+}); a malformed or shared one is 400 INVALID_PARAMETER "match_topic_invalid";</li>
 *   <li>{@code durable=true} keeps none: no session is an EMQX durable (storage-backed) session, so every
 *   subscription says {@code "durable": false}.</li>
 * </ul>
 * The registry keeps the granted QoS of a subscription but not its MQTT 5 options, so {@code nl}, {@code rap} and
 * {@code rh} are their defaults, 0.
 */
final class SubscriptionRoutes {

  private final InstanceSubscriptions subscriptions;

  SubscriptionRoutes(GatewayContext context) {
    this.subscriptions = new InstanceSubscriptions(context.control());
  }

  void mount(Router v5) {
    v5.get("/subscriptions").handler(Reply.of(this::list));
  }

  private Future<Reply> list(RoutingContext ctx) {
    QueryParams q = QueryParams.of(ctx);
    ListPage page = ListPage.of(q);
    String clientId = q.text("clientid").orElse(null);
    Integer qos = q.text("qos").map(v -> q.integer("qos", 0, 0, 2)).orElse(null);
    String topic = q.text("topic").orElse(null);
    String group = q.text("share_group").orElse(null);
    String matchTopic = q.text("match_topic").orElse(null);
    boolean durableOnly = q.bool("durable").orElse(false);
    if (matchTopic != null && (TopicSyntax.filterProblem(matchTopic) != null || TopicSyntax.isShared(matchTopic))) {
      throw EmqxException.invalidParameter("match_topic_invalid");
    }
    if (durableOnly) {
      return Future.succeededFuture(Reply.ok(page.answer(List.<Subscription>of(), SubscriptionRoutes::format)));
    }
    Predicate<Subscription> keep = s -> (qos == null || s.qos() == qos)
        && (group == null || group.equals(TopicSyntax.shareGroup(s.topic())))
        && (topic == null || topic.equals(group == null ? s.topic() : TopicSyntax.unshared(s.topic())))
        && (matchTopic == null || TopicSyntax.matches(matchTopic, TopicSyntax.unshared(s.topic())));
    ClientFilter clients = InstanceSubscriptions.onNode(q.text("node").orElse(null));
    return subscriptions.find(ctx, EmqxScope.of(ctx).instanceId(), clientId, clients, keep)
        .map(found -> Reply.ok(page.answer(found, SubscriptionRoutes::format)));
  }

  static JsonObject format(Subscription s) {
    return new JsonObject().put("node", s.node()).put("topic", s.topic()).put("clientid", s.clientId())
        .put("qos", s.qos()).put("nl", 0).put("rap", 0).put("rh", 0).put("durable", false);
  }
}
