package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.topic.MqttTopic;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Filter;
import io.tenantmq.gateway.tencent.Paging;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * {@code DescribeTopicList}: the declared topics of an instance, by name.
 * <pre>
 * SDK mqtt/v20240516 DescribeTopicListRequest: InstanceId String · Filters Filter[] (TopicName fuzzy; TopicType, of
 *   Normal, Order, Transaction, DelayScheduled per MqttClient's javadoc) · Offset Long (default 0)
 *   Limit Long (default 20, at most 20)
 * DescribeTopicListResponse: TotalCount Long · Data MQTTTopicItem[]
 * MQTTTopicItem: InstanceId String · Topic String · Remark String (no creation time in this version)
 * </pre>
 * Every MQTT topic is of type {@code Normal}.
 */
final class DescribeTopicList implements MqttAction<DescribeTopicList.Request> {

  static final long DEFAULT_LIMIT = 20;
  static final long MAX_LIMIT = 20;
  static final String TOPIC_TYPE = "Normal";

  record Request(String instanceId, List<Filter> filters, Paging paging) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"),
        params.filters("Filters", Set.of("TopicName", "TopicType")), params.paging(DEFAULT_LIMIT, MAX_LIMIT));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(instance -> call.await(call.control().topics().list(instance.instanceId())))
        .map(topics -> ListAnswer.of(topics.stream()
            .filter(t -> request.filters().stream().allMatch(f -> matches(f, t)))
            .toList(), request.paging(), DescribeTopicList::item));
  }

  private static boolean matches(Filter filter, MqttTopic topic) {
    if (filter.values().isEmpty()) {
      return true;
    }
    return filter.name().equals("TopicName") ? filter.matchesFuzzy(topic.topic()) : filter.matchesExactly(TOPIC_TYPE);
  }

  private static JsonObject item(MqttTopic topic) {
    return new JsonObject().put("InstanceId", topic.instanceId()).put("Topic", topic.topic()).put("Remark", topic.remark());
  }
}
