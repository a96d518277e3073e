package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** Renames an instance and/or changes its remark; an absent field keeps its value. */
final class ModifyMQTTInstance implements TrocketAction<ModifyMQTTInstance.Request> {

  record Request(String instanceId, Optional<String> name, Optional<String> remark) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"),
        params.string("Name").map(n -> Names.instanceName("Name", n)), params.string("Remark"));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(i -> call.await(call.control().tenants().updateInstance(
            i.withNameAndRemark(request.name().orElse(i.name()), request.remark().orElse(i.remark())))))
        .map(updated -> {
          if (!updated) {
            throw TencentErrors.instanceNotFound(request.instanceId()); // deleted meanwhile
          }
          return new JsonObject();
        });
  }
}
