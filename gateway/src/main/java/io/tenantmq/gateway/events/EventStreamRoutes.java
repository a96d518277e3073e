package io.tenantmq.gateway.events;

import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.emqx.EmqxScope;
import io.tenantmq.gateway.emqx.QueryParams;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code /event-streams/{topic}/sse} in EMQX's v5 API, behind its API-key check: the instance is the key's. Bad
 * parameters are {@link EventParamException}s, which the v5 failure handler answers with {@code 400 BAD_REQUEST}.
 */
public final class EventStreamRoutes {

  private final EventSse sse;

  public EventStreamRoutes(EventSse sse) {
    this.sse = sse;
  }

  /** The routes of {@code context}'s control plane. */
  public static void mount(Router v5, GatewayContext context) {
    new EventStreamRoutes(new EventSse(context.control().events())).mount(v5);
  }

  public void mount(Router v5) {
    v5.get("/event-streams/:topic/sse").handler(ctx -> {
      try {
        sse.serve(ctx, EmqxScope.of(ctx).instanceId(), query(ctx));
      } catch (RuntimeException e) {
        ctx.fail(e);
      }
    });
  }

  /** The path's topic and the query's parameters under their EMQX names. */
  static ParamSource query(RoutingContext ctx) {
    QueryParams query = QueryParams.of(ctx);
    String topic = ctx.pathParam("topic");
    return p -> p == EventParam.TOPIC ? Optional.ofNullable(topic) : query.text(p.wireName(FieldNames.SNAKE));
  }
}
