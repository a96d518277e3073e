package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** One instance of the caller's tenant, with its declared topic count. */
final class DescribeMQTTInstance implements TrocketAction<DescribeMQTTInstance.Request> {

  record Request(String instanceId) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId()).compose(i -> call.await(call.control().topics().list(i.instanceId()))
        .map(topics -> InstanceFields.describe(i, topics.size())));
  }
}
