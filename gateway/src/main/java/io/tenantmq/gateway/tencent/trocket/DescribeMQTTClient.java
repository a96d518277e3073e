package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.ClientInfoFields;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One client's details from the cluster-wide registry (API-NOTES §2.2): address, protocol, times in ms,
 * subscriptions, and traffic in both directions ({@code Inbound} is what the server sent to the client,
 * {@code OutBound} what the client sent).
 */
final class DescribeMQTTClient implements TrocketAction<DescribeMQTTClient.Request> {

  record Request(String instanceId, String clientId) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"), params.requiredNonEmptyString("ClientId"));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(i -> call.await(call.control().registry().get(new ClientKey(i.instanceId(), request.clientId()))))
        .map(found -> fields(found.orElseThrow(
            () -> TencentErrors.notFound("Client", "client", request.clientId()))));
  }

  static JsonObject fields(ClientRecord r) {
    JsonArray subscriptions = new JsonArray();
    r.subscriptions().forEach((filter, qos) -> subscriptions.add(new JsonObject().put("TopicFilter", filter).put("Qos", qos)));
    return ClientInfoFields.of(r)
        .put("MQTTClientSubscriptions", subscriptions)
        .put("Inbound", TrafficReport.of(r.counters().sent()))
        .put("OutBound", TrafficReport.of(r.counters().received()))
        .put("CleanSession", r.cleanStart());
  }
}
