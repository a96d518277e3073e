package io.tenantmq.gateway.aliyun.openapi;

import io.tenantmq.control.registry.ClientKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Closes a client's connection on whichever node holds it. Answers only {@code RequestId}, also when the client was
 * not connected: the reference names no error for that, and the outcome the caller wants (not connected) holds.
 */
final class CloseConnection implements OnsMqttAction {

  @Override
  public String name() {
    return "CloseConnection";
  }

  @Override
  public Future<JsonObject> execute(OnsMqttCall call) {
    String clientId = call.params().required("ClientId");
    return call.await(call.control().commands().kick(new ClientKey(call.instance().instanceId(), clientId)))
        .map(kicked -> new JsonObject());
  }
}
