package io.tenantmq.gateway.aliyun;

import io.tenantmq.control.credential.AliyunAccessKey;
import io.tenantmq.control.credential.AliyunAccessKeys;
import io.tenantmq.gateway.common.Stages;
import io.tenantmq.signing.aliyun.AliyunHmac;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/** The AccessKey check every endpoint of this package makes: a usable key whose secret signed the given parameters. */
final class SignedRequest {

  private SignedRequest() {
  }

  /**
   * The key named by {@code accessKey} if its secret's parameter signature over {@code signedNames} is the request's
   * {@code signature}; empty for an unknown or unusable key and for a wrong signature alike, so the caller answers
   * both the same way.
   */
  static Future<Optional<AliyunAccessKey>> authenticate(RoutingContext ctx, AliyunAccessKeys keys,
                                                        AliyunParams params, List<String> signedNames,
                                                        long nowMillis) {
    String given = params.signature();
    return Stages.on(ctx, keys.find(params.value(AliyunParams.ACCESS_KEY), nowMillis))
        .map(found -> found.filter(key -> AliyunHmac.matches(
            AliyunHmac.paramSignature(key.secret(), params.signed(signedNames)), given)));
  }
}
