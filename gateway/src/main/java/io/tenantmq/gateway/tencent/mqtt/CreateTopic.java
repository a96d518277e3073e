package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.topic.MqttTopic;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.InstanceFacts;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.tenantmq.gateway.tencent.TencentException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * {@code CreateTopic}: declares a topic of the instance (publishing never requires one; the declaration is what
 * {@link DescribeTopicList} shows).
 * <pre>
 * SDK mqtt/v20240516 CreateTopicRequest: InstanceId String · Topic String (letters, digits, '-', '_'; 3..100)
 *   Remark String (at most 128)
 * CreateTopicResponse: InstanceId String · Topic String
 * </pre>
 * An existing topic answers {@code UnsupportedOperation.ResourceAlreadyExists}; an instance at its topic quota
 * ({@link InstanceFacts#TOPIC_NUM_LIMIT}) answers {@code LimitExceeded.TopicNum} (both MqttErrorCode v20240516). The
 * quota is checked before the insert, not atomically with it: concurrent creations may pass it by a few.
 */
final class CreateTopic implements MqttAction<CreateTopic.Request> {

  static final Pattern TOPIC = Pattern.compile("[0-9A-Za-z_-]{3,100}");
  static final String TOPIC_NUM_EXCEEDED = "LimitExceeded.TopicNum";

  record Request(String instanceId, String topic, String remark) {
  }

  @Override
  public Request read(Params params) {
    String instanceId = params.requiredNonEmptyString("InstanceId");
    String topic = params.requiredString("Topic");
    if (!TOPIC.matcher(topic).matches()) {
      throw TencentErrors.invalidParameterValue("Topic", "must be 3 to 100 letters, digits, '-' or '_'");
    }
    return new Request(instanceId, topic, Remarks.read(params));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    var topics = call.control().topics();
    long now = System.currentTimeMillis();
    return call.instance(request.instanceId())
        .compose(instance -> call.await(topics.list(instance.instanceId())))
        .compose(existing -> {
          if (existing.size() >= InstanceFacts.TOPIC_NUM_LIMIT) {
            return Future.failedFuture(new TencentException(TOPIC_NUM_EXCEEDED,
                "The instance already has " + existing.size() + " topics, its limit."));
          }
          return call.await(topics.create(new MqttTopic(request.instanceId(), request.topic(), request.remark(), now, now)));
        })
        .map(created -> {
          if (!created) {
            throw TencentErrors.alreadyExists("topic", request.topic());
          }
          return new JsonObject().put("InstanceId", request.instanceId()).put("Topic", request.topic());
        });
  }
}
