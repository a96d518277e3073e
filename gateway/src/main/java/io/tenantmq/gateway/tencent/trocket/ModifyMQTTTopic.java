package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.topic.TopicKey;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Changes a declared topic's remark. */
final class ModifyMQTTTopic implements TrocketAction<ModifyMQTTTopic.Request> {

  record Request(String instanceId, String topic, String remark) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"), params.requiredNonEmptyString("Topic"),
        params.requiredString("Remark"));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(i -> call.await(call.control().topics().get(new TopicKey(i.instanceId(), request.topic()))))
        .compose(found -> call.await(call.control().topics().update(found
            .orElseThrow(() -> DescribeMQTTTopic.topicNotFound(request.topic()))
            .withRemark(request.remark(), System.currentTimeMillis()))))
        .map(updated -> {
          if (!updated) {
            throw DescribeMQTTTopic.topicNotFound(request.topic()); // deleted meanwhile
          }
          return new JsonObject();
        });
  }
}
