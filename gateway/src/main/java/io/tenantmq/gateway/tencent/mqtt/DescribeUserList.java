package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.user.MqttUser;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Filter;
import io.tenantmq.gateway.tencent.Paging;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * {@code DescribeUserList}: the MQTT users of an instance, by name.
 * <pre>
 * SDK mqtt/v20240516 DescribeUserListRequest: InstanceId String · Filters Filter[] (Username, fuzzy)
 *   Offset Long (default 0) · Limit Long (default 20, at most 100)
 * DescribeUserListResponse: TotalCount Long · Data MQTTUserItem[]
 * MQTTUserItem: Username String · Password String · Remark String · CreatedTime Long (ms) · ModifiedTime Long (ms)
 * </pre>
 * (trocket's MQTTUserItem gave these times in seconds; 2024-05-16 gives milliseconds.) Only a hash of each password
 * is stored, so {@code Password} is always the empty string: the hash itself is never sent.
 */
final class DescribeUserList implements MqttAction<DescribeUserList.Request> {

  static final long DEFAULT_LIMIT = 20;
  static final long MAX_LIMIT = 100;

  record Request(String instanceId, List<Filter> filters, Paging paging) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"), params.filters("Filters", Set.of("Username")),
        params.paging(DEFAULT_LIMIT, MAX_LIMIT));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(instance -> call.await(call.control().users().list(instance.instanceId())))
        .map(users -> ListAnswer.of(users.stream()
            .filter(u -> request.filters().stream().allMatch(f -> f.values().isEmpty() || f.matchesFuzzy(u.username())))
            .toList(), request.paging(), DescribeUserList::item));
  }

  private static JsonObject item(MqttUser user) {
    return new JsonObject()
        .put("Username", user.username())
        .put("Password", "")
        .put("Remark", user.remark())
        .put("CreatedTime", user.createdAtMillis())
        .put("ModifiedTime", user.modifiedAtMillis());
  }
}
