package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code DescribeInstance}: one instance of the caller's tenant.
 * <pre>
 * SDK mqtt/v20240516 DescribeInstanceRequest: InstanceId String
 * DescribeInstanceResponse: the fields listed in {@link InstanceJson} (CreatedTime in seconds)
 * </pre>
 */
final class DescribeInstance implements MqttAction<String> {

  @Override
  public String read(Params params) {
    return params.requiredNonEmptyString("InstanceId");
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, String instanceId) {
    return call.instance(instanceId)
        .compose(instance -> call.await(call.control().topics().list(instance.instanceId()))
            .map(topics -> InstanceJson.describe(instance, topics.size())));
  }
}
