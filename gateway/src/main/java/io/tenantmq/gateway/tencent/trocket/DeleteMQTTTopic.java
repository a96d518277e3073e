package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.topic.TopicKey;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Removes a declared topic; messages on it still flow (a declaration is not a permission). */
final class DeleteMQTTTopic implements TrocketAction<DeleteMQTTTopic.Request> {

  record Request(String instanceId, String topic) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"), params.requiredNonEmptyString("Topic"));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(i -> call.await(call.control().topics().delete(new TopicKey(i.instanceId(), request.topic()))))
        .map(deleted -> {
          if (!deleted) {
            throw DescribeMQTTTopic.topicNotFound(request.topic());
          }
          return new JsonObject();
        });
  }
}
