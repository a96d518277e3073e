package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.topic.MqttTopic;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Declares a topic (publishing needs no declaration; the APIs list what was declared). */
final class CreateMQTTTopic implements TrocketAction<CreateMQTTTopic.Request> {

  record Request(String instanceId, String topic, String remark) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"),
        Names.topic("Topic", params.requiredString("Topic")), params.string("Remark").orElse(""));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    long now = System.currentTimeMillis();
    return call.instance(request.instanceId())
        .compose(i -> call.await(call.control().topics().create(
            new MqttTopic(i.instanceId(), request.topic(), request.remark(), now, now))))
        .map(created -> {
          if (!created) {
            throw TencentErrors.alreadyExists("topic", request.topic());
          }
          return new JsonObject().put("InstanceId", request.instanceId()).put("Topic", request.topic());
        });
  }
}
