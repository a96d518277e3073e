package io.tenantmq.gateway.aliyun.openapi;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether each of up to ten clients is connected: {@code ClientIdList.1..N}, answered as {@code {OnlineStatusList:
 * [{ClientId, OnlineStatus}]}} in the order of N.
 */
final class BatchQuerySessionByClientIds implements OnsMqttAction {

  /** "At most 10 Client IDs per call" (the action's reference). */
  static final int MAX_CLIENT_IDS = 10;
  private static final Pattern ITEM = Pattern.compile("ClientIdList\\.([1-9][0-9]{0,8})");

  @Override
  public String name() {
    return "BatchQuerySessionByClientIds";
  }

  @Override
  public Future<JsonObject> execute(OnsMqttCall call) {
    List<String> clientIds = clientIds(call.params());
    List<Future<Boolean>> lookups = new ArrayList<>(clientIds.size());
    clientIds.forEach(id -> lookups.add(QuerySessionByClientId.online(call, id)));
    return Future.all(lookups).map(done -> {
      JsonArray list = new JsonArray();
      for (int i = 0; i < clientIds.size(); i++) {
        list.add(new JsonObject().put("ClientId", clientIds.get(i)).put("OnlineStatus", lookups.get(i).result()));
      }
      return new JsonObject().put("OnlineStatusList", list);
    });
  }

  /** The ids by their index N (1..10); a gap in N is allowed, as the SDK's repeat lists never make one anyway. */
  static List<String> clientIds(RpcParams params) {
    TreeMap<Integer, String> byIndex = new TreeMap<>();
    params.values().forEach((name, value) -> {
      if (!name.startsWith("ClientIdList")) {
        return;
      }
      Matcher m = ITEM.matcher(name);
      if (!m.matches() || Integer.parseInt(m.group(1)) > MAX_CLIENT_IDS) {
        throw OnsMqttErrors.invalidParameter("ClientIdList", "ClientIdList.N takes N from 1 to " + MAX_CLIENT_IDS
            + ", not " + name);
      }
      if (value.isEmpty()) {
        throw OnsMqttErrors.invalidParameter("ClientIdList", name + " is empty");
      }
      byIndex.put(Integer.parseInt(m.group(1)), value);
    });
    if (byIndex.isEmpty()) {
      throw OnsMqttErrors.missing("ClientIdList");
    }
    return new ArrayList<>(byIndex.values());
  }
}
