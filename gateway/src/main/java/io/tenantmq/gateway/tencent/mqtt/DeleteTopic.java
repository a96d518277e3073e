package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.topic.TopicKey;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code DeleteTopic}: removes a declared topic (messages on it keep flowing: MQTT needs no declaration).
 * <pre>
 * SDK mqtt/v20240516 DeleteTopicRequest: InstanceId String · Topic String
 * DeleteTopicResponse: RequestId only
 * </pre>
 * An undeclared topic answers {@code ResourceNotFound.Topic} (MqttErrorCode v20240516).
 */
final class DeleteTopic implements MqttAction<TopicKey> {

  @Override
  public TopicKey read(Params params) {
    return new TopicKey(params.requiredNonEmptyString("InstanceId"), params.requiredNonEmptyString("Topic"));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, TopicKey key) {
    return call.instance(key.instanceId())
        .compose(instance -> call.await(call.control().topics().delete(key)))
        .map(deleted -> {
          if (!deleted) {
            throw TencentErrors.notFound("Topic", "topic", key.topic());
          }
          return new JsonObject();
        });
  }
}
