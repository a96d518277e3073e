package io.tenantmq.gateway.aliyun.openapi;

import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Whether one client of the instance is connected now: {@code {OnlineStatus}}. */
final class QuerySessionByClientId implements OnsMqttAction {

  @Override
  public String name() {
    return "QuerySessionByClientId";
  }

  @Override
  public Future<JsonObject> execute(OnsMqttCall call) {
    String clientId = call.params().required("ClientId");
    return online(call, clientId).map(online -> new JsonObject().put("OnlineStatus", online));
  }

  /** True when the registry holds the client connected (an instance never keeps two connections of one id). */
  static Future<Boolean> online(OnsMqttCall call, String clientId) {
    return call.await(call.control().registry().get(new ClientKey(call.instance().instanceId(), clientId)))
        .map(found -> found.map(ClientRecord::connected).orElse(false));
  }
}
