package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.tenant.Instance;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Filter;
import io.tenantmq.gateway.tencent.InstanceFacts;
import io.tenantmq.gateway.tencent.Paging;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * The caller's instances, by id: Filters {@code InstanceName} (fuzzy), {@code InstanceId}, {@code InstanceType},
 * {@code InstanceStatus} (exact, any of the values), then Offset/Limit; TotalCount counts before paging.
 */
final class DescribeMQTTInstanceList implements TrocketAction<DescribeMQTTInstanceList.Request> {

  static final Set<String> FILTERS = Set.of("InstanceName", "InstanceId", "InstanceType", "InstanceStatus");

  record Request(List<Filter> filters, Paging paging) {
  }

  @Override
  public Request read(Params params) {
    params.accept("IncludeNew"); // the cloud's old/new console split; every TenantMQ instance is listed
    return new Request(params.filters("Filters", FILTERS), params.paging(20, 100));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.await(call.control().tenants().instances(call.scope().tenantId())).compose(all -> {
      List<Instance> matching = all.stream()
          .filter(i -> call.scope().covers(i.tenantId(), i.instanceId()))
          .filter(i -> request.filters().stream().allMatch(f -> matches(f, i)))
          .toList();
      List<Instance> page = request.paging().page(matching);
      List<Future<JsonObject>> items = page.stream()
          .map(i -> call.await(call.control().topics().list(i.instanceId()))
              .map(topics -> InstanceFields.item(i, topics.size())))
          .toList();
      return Future.all(items).map(done -> new JsonObject()
          .put("TotalCount", matching.size())
          .put("Data", new JsonArray(items.stream().map(Future::result).map(Object.class::cast).toList())));
    });
  }

  private static boolean matches(Filter f, Instance i) {
    return switch (f.name()) {
      case "InstanceName" -> f.matchesFuzzy(i.name());
      case "InstanceId" -> f.matchesExactly(i.instanceId());
      case "InstanceType" -> f.matchesExactly(InstanceFacts.INSTANCE_TYPE);
      default -> f.matchesExactly(InstanceFacts.INSTANCE_STATUS);
    };
  }
}
