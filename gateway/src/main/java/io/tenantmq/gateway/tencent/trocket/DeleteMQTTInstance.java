package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Deletes an instance with its MQTT users and declared topics ({@code ControlPlane.deleteInstance}, the cascade). */
final class DeleteMQTTInstance implements TrocketAction<DeleteMQTTInstance.Request> {

  record Request(String instanceId) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(i -> call.await(call.control().deleteInstance(i.instanceId())))
        .map(deleted -> new JsonObject());
  }
}
