package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.topic.MqttTopic;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Filter;
import io.tenantmq.gateway.tencent.Paging;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * The declared topics of an instance, by name; Filter {@code TopicName} (fuzzy). {@code TopicType} is accepted and
 * lets every topic through: TenantMQ topics have no type.
 */
final class DescribeMQTTTopicList implements TrocketAction<DescribeMQTTTopicList.Request> {

  record Request(String instanceId, List<Filter> filters, Paging paging) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"),
        params.filters("Filters", Set.of("TopicName", "TopicType")), params.paging(20, 100));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(i -> call.await(call.control().topics().list(i.instanceId())))
        .map(all -> {
          List<MqttTopic> matching = all.stream()
              .filter(t -> request.filters().stream()
                  .allMatch(f -> !f.name().equals("TopicName") || f.matchesFuzzy(t.topic())))
              .toList();
          JsonArray data = new JsonArray();
          request.paging().page(matching).forEach(t -> data.add(new JsonObject()
              .put("InstanceId", t.instanceId()).put("Topic", t.topic()).put("Remark", t.remark())));
          return new JsonObject().put("TotalCount", matching.size()).put("Data", data);
        });
  }
}
