package io.tenantmq.gateway.aliyun;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.AliyunAccessKey;
import io.tenantmq.control.credential.AliyunAccessKeys;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.token.TokenRequest;
import io.tenantmq.gateway.common.Stages;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /token/apply} of the application server token interface (API-NOTES §3.2-3.3): issues a token for topics of
 * one of the key's instances. Checks in this order: parameters present and the fixed ones right (400), the AccessKey,
 * its signature and the instance (403, one answer for all three), then {@link TokenRequest}'s rules (400).
 */
final class TokenApply implements Handler<RoutingContext> {

  static final String ACTIONS = "actions";
  static final String RESOURCES = "resources";
  static final String EXPIRE_TIME = "expireTime";
  static final String SERVICE_NAME = "serviceName";
  static final String INSTANCE_ID = "instanceId";
  static final String PROXY_TYPE = "proxyType";
  /** proxyType, accessKey and signature are added after signing, as the demos do. */
  static final List<String> SIGNED = List.of(ACTIONS, RESOURCES, EXPIRE_TIME, SERVICE_NAME, INSTANCE_ID);

  private static final List<String> REQUIRED = List.of(ACTIONS, RESOURCES, EXPIRE_TIME, SERVICE_NAME, INSTANCE_ID,
      AliyunParams.ACCESS_KEY, AliyunParams.SIGNATURE);
  private static final Logger LOG = LoggerFactory.getLogger(TokenApply.class);

  private final ControlPlane control;
  private final AliyunAccessKeys keys;
  private final Clock clock;

  TokenApply(ControlPlane control, Clock clock) {
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
      TokenServerReply.badRequest(missing + " is required").send(ctx);
      return;
    }
    if (!"mq".equals(params.value(SERVICE_NAME))) {
      TokenServerReply.badRequest("serviceName must be mq").send(ctx);
      return;
    }
    // the 2017 document does not send proxyType; when sent it must name MQTT
    String proxyType = params.value(PROXY_TYPE);
    if (proxyType != null && !"MQTT".equals(proxyType)) {
      TokenServerReply.badRequest("proxyType must be MQTT").send(ctx);
      return;
    }
    String instanceId = params.value(INSTANCE_ID);
    SignedRequest.authenticate(ctx, keys, params, SIGNED, now)
        .compose(key -> key.isEmpty()
            ? Future.succeededFuture(TokenServerReply.denied())
            : Stages.on(ctx, keys.instanceFor(key.get(), instanceId))
                .compose(instance -> instance.isEmpty()
                    ? Future.succeededFuture(TokenServerReply.denied())
                    : issue(ctx, key.get(), instance.get(), params, now)))
        .onSuccess(reply -> reply.send(ctx))
        .onFailure(e -> {
          LOG.warn("/token/apply for instance {} failed", instanceId, e);
          TokenServerReply.unavailable().send(ctx);
        });
  }

  private Future<TokenServerReply> issue(RoutingContext ctx, AliyunAccessKey key, Instance instance,
                                         AliyunParams params, long now) {
    TokenRequest request;
    try {
      request = TokenRequest.parse(instance.tenantId(), instance.instanceId(), key.accessKeyId(),
          params.value(ACTIONS), params.value(RESOURCES), params.value(EXPIRE_TIME), now);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(TokenServerReply.badRequest(e.getMessage()));
    }
    return Stages.on(ctx, control.tokens().apply(request)).map(issued -> TokenServerReply.token(issued.token()));
  }
}
