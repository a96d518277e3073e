package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.topic.MqttTopic;
import io.tenantmq.control.topic.TopicKey;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.tenantmq.gateway.tencent.TencentException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** One declared topic; {@code CreatedTime} in seconds. */
final class DescribeMQTTTopic implements TrocketAction<DescribeMQTTTopic.Request> {

  record Request(String instanceId, String topic) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"), params.requiredNonEmptyString("Topic"));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(i -> call.await(call.control().topics().get(new TopicKey(i.instanceId(), request.topic()))))
        .map(found -> {
          MqttTopic t = found.orElseThrow(() -> topicNotFound(request.topic()));
          return new JsonObject()
              .put("InstanceId", t.instanceId())
              .put("Topic", t.topic())
              .put("Remark", t.remark())
              .put("CreatedTime", t.createdAtMillis() / 1000);
        });
  }

  static TencentException topicNotFound(String topic) {
    return TencentErrors.notFound("Topic", "topic", topic);
  }
}
