package io.tenantmq.gateway.aliyun;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.AliyunAccessKeys;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.gateway.common.Stages;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /route/clientId/get} (API-NOTES §3.4): whether one client of the caller's instance is connected, read
 * from the cluster's registry, so any member answers for clients of every member.
 *
 * <p>Checks in this order: every parameter present (1), the AccessKey and its signature (2), the timestamp window (4),
 * the instance being the key's (3). The signature comes before the timestamp so that only an authentic request learns
 * that its timestamp is stale; the instance check comes last and answers alike for another tenant's instance, a
 * missing one, and whether or not the client exists.
 */
final class RouteClientIdGet implements Handler<RoutingContext> {

  static final String RESOURCE = "resource";
  static final String TIMESTAMP = "timestamp";
  static final String INSTANCE_ID = "instanceId";
  /** The signature covers the four other parameters, accessKey included. */
  static final List<String> SIGNED = List.of(AliyunParams.ACCESS_KEY, RESOURCE, TIMESTAMP, INSTANCE_ID);
  /** ±5 minutes around the server's clock. */
  static final long WINDOW_MILLIS = 5 * 60_000L;

  private static final List<String> REQUIRED = List.of(AliyunParams.ACCESS_KEY, RESOURCE, TIMESTAMP, INSTANCE_ID,
      AliyunParams.SIGNATURE);
  private static final Logger LOG = LoggerFactory.getLogger(RouteClientIdGet.class);

  private final ControlPlane control;
  private final AliyunAccessKeys keys;
  private final Clock clock;

  RouteClientIdGet(ControlPlane control, Clock clock) {
    this.control = control;
    this.keys = control.aliyunKeys();
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long now = clock.millis();
    AliyunParams params = AliyunParams.of(ctx);
    String missing = params.firstMissing(REQUIRED);
    if (missing != null) {
      reply(ctx, RouteAnswer.missing(missing));
      return;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(params.value(TIMESTAMP));
    } catch (NumberFormatException e) {
      reply(ctx, RouteAnswer.badTimestamp());
      return;
    }
    String instanceId = params.value(INSTANCE_ID);
    String clientId = params.value(RESOURCE);
    SignedRequest.authenticate(ctx, keys, params, SIGNED, now)
        .compose(key -> {
          if (key.isEmpty()) {
            return Future.succeededFuture(RouteAnswer.signatureError());
          }
          if (Math.abs(now - timestamp) > WINDOW_MILLIS) {
            return Future.succeededFuture(RouteAnswer.timestampExpired());
          }
          return Stages.on(ctx, keys.instanceFor(key.get(), instanceId))
              .compose(instance -> instance.isEmpty()
                  ? Future.succeededFuture(RouteAnswer.permissionError())
                  : Stages.on(ctx, control.registry().get(new ClientKey(instanceId, clientId)))
                      .map(found -> RouteAnswer.online(found.filter(ClientRecord::connected).isPresent() ? 1 : 0)));
        })
        .onSuccess(answer -> reply(ctx, answer))
        .onFailure(e -> {
          LOG.warn("/route/clientId/get of instance {} failed", instanceId, e);
          reply(ctx, RouteAnswer.unavailable());
        });
  }

  private static void reply(RoutingContext ctx, RouteAnswer answer) {
    ctx.response()
        .setStatusCode(answer.code().httpStatus())
        .putHeader("Content-Type", "application/json;charset=UTF-8")
        .end(answer.body().encode());
  }
}
