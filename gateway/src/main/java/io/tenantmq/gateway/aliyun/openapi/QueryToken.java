package io.tenantmq.gateway.aliyun.openapi;

import io.tenantmq.control.token.AccessToken;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Whether a token still works on the instance: {@code {TokenStatus}}, false for an expired, revoked or unknown token
 * and for one of another instance or tenant (which this call cannot tell apart from an unknown one).
 */
final class QueryToken implements OnsMqttAction {

  @Override
  public String name() {
    return "QueryToken";
  }

  @Override
  public Future<JsonObject> execute(OnsMqttCall call) {
    String token = call.params().required("Token");
    return ownToken(call, token)
        .map(found -> new JsonObject().put("TokenStatus", found.filter(t -> t.activeAt(call.nowMillis())).isPresent()));
  }

  /** The stored token if it belongs to the call's instance (and so to the key's tenant); empty otherwise. */
  static Future<Optional<AccessToken>> ownToken(OnsMqttCall call, String token) {
    return call.await(call.control().tokens().find(token)).map(found -> found.filter(t ->
        t.instanceId().equals(call.instance().instanceId()) && t.tenantId().equals(call.key().tenantId())));
  }
}
