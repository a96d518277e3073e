package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.user.MqttUser;
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
 * The MQTT users of an instance, by name; Filter {@code Username} (fuzzy). {@code Password} is always the empty
 * string: only a hash of it is kept, so it cannot be shown (the cloud shows it; a self-hosted store should not be able
 * to).
 */
final class DescribeMQTTUserList implements TrocketAction<DescribeMQTTUserList.Request> {

  record Request(String instanceId, List<Filter> filters, Paging paging) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"), params.filters("Filters", Set.of("Username")),
        params.paging(20, 100));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(i -> call.await(call.control().users().list(i.instanceId())))
        .map(all -> {
          List<MqttUser> matching = all.stream()
              .filter(u -> request.filters().stream().allMatch(f -> f.matchesFuzzy(u.username())))
              .toList();
          JsonArray data = new JsonArray();
          request.paging().page(matching).forEach(u -> data.add(item(u)));
          return new JsonObject().put("TotalCount", matching.size()).put("Data", data);
        });
  }

  /** An {@code MQTTUserItem}; times in seconds. */
  static JsonObject item(MqttUser u) {
    return new JsonObject()
        .put("Username", u.username())
        .put("Password", "")
        .put("PermRead", u.permRead())
        .put("PermWrite", u.permWrite())
        .put("Remark", u.remark())
        .put("CreatedTime", u.createdAtMillis() / 1000)
        .put("ModifiedTime", u.modifiedAtMillis() / 1000);
  }
}
