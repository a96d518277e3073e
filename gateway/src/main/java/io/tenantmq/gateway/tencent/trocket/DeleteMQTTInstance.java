package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Deletes an instance with its MQTT users and declared topics. The instance goes last, so a failure part-way leaves
 * an instance that a retry deletes completely.
 */
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
        .compose(i -> Future.all(
                call.await(call.control().users().deleteAll(i.instanceId())),
                call.await(call.control().topics().deleteAll(i.instanceId())))
            .compose(v -> call.await(call.control().tenants().deleteInstance(i.instanceId()))))
        .map(deleted -> new JsonObject());
  }
}
