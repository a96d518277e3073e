package io.tenantmq.gateway.aliyun;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.AliyunAccessKey;
import io.tenantmq.control.credential.AliyunAccessKeys;
import io.tenantmq.gateway.common.Stages;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /token/revoke} of the application server token interface: ends a token early (the nodes close connections
 * that use it). Only tokens of instances the key covers can be revoked; any other token, another tenant's included,
 * is answered as unknown, so a key learns nothing about tokens that are not its tenant's.
 */
final class TokenRevoke implements Handler<RoutingContext> {

  static final String TOKEN = "token";
  /** Only the token is signed (API-NOTES §3.3). */
  static final List<String> SIGNED = List.of(TOKEN);

  private static final List<String> REQUIRED = List.of(TOKEN, AliyunParams.ACCESS_KEY, AliyunParams.SIGNATURE);
  private static final Logger LOG = LoggerFactory.getLogger(TokenRevoke.class);

  private final ControlPlane control;
  private final AliyunAccessKeys keys;
  private final Clock clock;

  TokenRevoke(ControlPlane control, Clock clock) {
    this.control = control;
    this.keys = control.aliyunKeys();
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    AliyunParams params = AliyunParams.of(ctx);
    String missing = params.firstMissing(REQUIRED);
    if (missing != null) {
      TokenServerReply.badRequest(missing + " is required").send(ctx);
      return;
    }
    SignedRequest.authenticate(ctx, keys, params, SIGNED, clock.millis())
        .compose(key -> key.isEmpty()
            ? Future.succeededFuture(TokenServerReply.denied())
            : revoke(ctx, key.get(), params.value(TOKEN)))
        .onSuccess(reply -> reply.send(ctx))
        .onFailure(e -> {
          LOG.warn("/token/revoke failed", e);
          TokenServerReply.unavailable().send(ctx);
        });
  }

  private Future<TokenServerReply> revoke(RoutingContext ctx, AliyunAccessKey key, String token) {
    return Stages.on(ctx, control.tokens().find(token))
        .compose(found -> found.filter(t -> key.credential().covers(t.tenantId(), t.instanceId())).isEmpty()
            ? Future.succeededFuture(TokenServerReply.badRequest("token is unknown"))
            : Stages.on(ctx, control.tokens().revoke(token))
                // a revoke that lost a race with another revoke still ends with the token gone
                .map(revoked -> TokenServerReply.done()));
  }
}
