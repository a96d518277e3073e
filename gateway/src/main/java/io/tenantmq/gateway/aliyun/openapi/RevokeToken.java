package io.tenantmq.gateway.aliyun.openapi;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Revokes a token of the instance; its connections are closed by their nodes. Answers only {@code RequestId}, also
 * for a token that is unknown or not the instance's (that one is left alone): the outcome asked for, a token that no
 * longer works here, holds, and the answer reveals nothing about other instances' tokens.
 */
final class RevokeToken implements OnsMqttAction {

  @Override
  public String name() {
    return "RevokeToken";
  }

  @Override
  public Future<JsonObject> execute(OnsMqttCall call) {
    String token = call.params().required("Token");
    return QueryToken.ownToken(call, token).compose(found -> found.isEmpty()
        ? Future.succeededFuture(new JsonObject())
        : call.await(call.control().tokens().revoke(token)).map(revoked -> new JsonObject()));
  }
}
