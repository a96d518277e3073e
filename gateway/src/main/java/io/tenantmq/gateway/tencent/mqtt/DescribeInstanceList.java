package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.tenant.Instance;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Filter;
import io.tenantmq.gateway.tencent.InstanceFacts;
import io.tenantmq.gateway.tencent.Paging;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code DescribeInstanceList}: the instances the caller's credential may see, by id.
 * <pre>
 * SDK mqtt/v20240516 DescribeInstanceListRequest:
 *   Filters Filter[]{Name, Values[]}: InstanceName (fuzzy) · InstanceId (exact) · InstanceStatus · PayMode
 *     (PREPAID | POSTPAID) · ExpiredBefore (only prepaid instances expire)
 *   Offset Long (default 0) · Limit Long (default 20, at most 100) · TagFilters TagFilter[]{TagKey String,
 *   TagValues String[]} (when given, Filters are ignored)
 * DescribeInstanceListResponse: TotalCount Long · Data MQTTInstanceItem[] (see {@link InstanceJson}; CreateTime ms)
 * </pre>
 * Instances carry no tags here: {@code TagFilters} is accepted and does not filter (Params reads no arrays of
 * objects but Filters). Every instance is {@code RUNNING} and {@code POSTPAID}, so {@code ExpiredBefore} matches none.
 */
final class DescribeInstanceList implements MqttAction<DescribeInstanceList.Request> {

  static final long DEFAULT_LIMIT = 20;
  static final long MAX_LIMIT = 100;
  private static final Set<String> FILTERS = Set.of("InstanceName", "InstanceId", "InstanceStatus", "PayMode",
      "ExpiredBefore");

  record Request(List<Filter> filters, Paging paging) {
  }

  @Override
  public Request read(Params params) {
    List<Filter> filters = params.filters("Filters", FILTERS);
    params.accept("TagFilters");
    return new Request(filters, params.paging(DEFAULT_LIMIT, MAX_LIMIT));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.await(call.control().tenants().instances(call.scope().tenantId()))
        .map(all -> all.stream()
            .filter(i -> call.scope().covers(i.tenantId(), i.instanceId()))
            .filter(i -> request.filters().stream().allMatch(f -> matches(f, i)))
            .toList())
        .compose(matched -> {
          List<Future<JsonObject>> items = new ArrayList<>();
          for (Instance instance : request.paging().page(matched)) {
            items.add(call.await(call.control().topics().list(instance.instanceId()))
                .map(topics -> InstanceJson.item(instance, topics.size())));
          }
          return Future.all(items).map(page -> ListAnswer.of(matched.size(), page.list()));
        });
  }

  private static boolean matches(Filter filter, Instance instance) {
    if (filter.values().isEmpty()) {
      return true;
    }
    return switch (filter.name()) {
      case "InstanceName" -> filter.matchesFuzzy(instance.name());
      case "InstanceId" -> filter.matchesExactly(instance.instanceId());
      case "InstanceStatus" -> filter.matchesExactly(InstanceFacts.INSTANCE_STATUS);
      case "PayMode" -> filter.matchesExactly(InstanceFacts.PAY_MODE);
      default -> false; // ExpiredBefore: nothing expires
    };
  }
}
