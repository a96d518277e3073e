package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientQuery;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.ClientState;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;

/**
 * {@code DescribeClientList}: the clients of an instance, most recent activity first.
 * <pre>
 * SDK mqtt/v20240516 DescribeClientListRequest:
 *   InstanceId String · ClientId String (one client) · Number String (!) (at most 1024, default 1024)
 *   OnlineStatus Long (0 online and offline (default) · 1 online · 2 offline)
 *   MaxTimestamp Long (ms; online clients: their last connect time, offline ones: their last disconnect time)
 * DescribeClientListResponse: Clients MQTTClientInfo[] (see {@link ClientInfoJson}); no TotalCount
 * </pre>
 * {@code ClientId} matches exactly. {@code MaxTimestamp} reads as a cursor: only clients whose activity time (as
 * above) is at or before it are listed, newest first (ties by client id), so the oldest time of one page is the
 * cursor of the next. The registry hands over at most {@link ClientQuery#MAX_LIMIT} records of a state per call,
 * ordered here, so an instance with more clients than that lists a subset of them.
 */
final class DescribeClientList implements MqttAction<DescribeClientList.Request> {

  static final int MAX_NUMBER = 1024;

  private static final Comparator<ClientRecord> NEWEST_FIRST =
      Comparator.comparingLong(DescribeClientList::activityMillis).reversed().thenComparing(ClientRecord::clientId);

  /**
   * @param clientId  the one client to list, or null
   * @param state     the state to list, or null for both
   */
  record Request(String instanceId, String clientId, int number, ClientState state, long maxTimestampMillis) {
  }

  @Override
  public Request read(Params params) {
    String instanceId = params.requiredNonEmptyString("InstanceId");
    String clientId = params.string("ClientId").filter(c -> !c.isEmpty()).orElse(null);
    int number = params.string("Number").map(DescribeClientList::number).orElse(MAX_NUMBER);
    long onlineStatus = params.integer("OnlineStatus", 0, 2).orElse(0L);
    ClientState state = onlineStatus == 0 ? null : onlineStatus == 1 ? ClientState.CONNECTED : ClientState.DISCONNECTED;
    long maxTimestamp = params.integer("MaxTimestamp", 0, Long.MAX_VALUE).orElse(Long.MAX_VALUE);
    return new Request(instanceId, clientId, number, state, maxTimestamp);
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    var registry = call.control().registry();
    return call.instance(request.instanceId())
        .compose(instance -> request.clientId() != null
            ? call.await(registry.get(new ClientKey(instance.instanceId(), request.clientId())))
                .map(found -> found.stream().toList())
            : call.await(registry.list(instance.instanceId(), new ClientQuery(request.state(), null, ClientQuery.MAX_LIMIT))))
        .map(records -> new JsonObject().put("Clients", clients(records, request)));
  }

  private static JsonArray clients(List<ClientRecord> records, Request request) {
    JsonArray clients = new JsonArray();
    records.stream()
        .filter(r -> request.state() == null || r.state() == request.state())
        .filter(r -> activityMillis(r) <= request.maxTimestampMillis())
        .sorted(NEWEST_FIRST)
        .limit(request.number())
        .forEach(r -> clients.add(ClientInfoJson.of(r)));
    return clients;
  }

  /** When an online client last connected, or when an offline one last disconnected. */
  private static long activityMillis(ClientRecord r) {
    return r.connected() ? r.connectedAtMillis() : r.disconnectedAtMillis();
  }

  /** {@code Number} is a string in the SDK model. */
  private static int number(String text) {
    if (text.matches("\\d{1,4}")) {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= MAX_NUMBER) {
        return n;
      }
    }
    throw TencentErrors.invalidParameterValue("Number", "must be an integer within 1.." + MAX_NUMBER + ", was " + text);
  }
}
