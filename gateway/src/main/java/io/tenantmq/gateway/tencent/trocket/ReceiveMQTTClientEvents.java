package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.event.PullRequest;
import io.tenantmq.gateway.events.EventJson;
import io.tenantmq.gateway.events.EventRequests;
import io.tenantmq.gateway.events.FieldNames;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * A pull of an instance's event stream by a consumer group, as the EMQX route {@code GET /event-streams/{topic}/messages}
 * does it (same checks, same consumers): {@code {Events: [{Offset, Tag, ReceiptHandle, DeliveryCount, Body}],
 * CommittedOffset}}. {@code WaitSeconds} up to 30 holds the answer until a matching event arrives.
 */
final class ReceiveMQTTClientEvents implements TrocketAction<ReceiveMQTTClientEvents.Request> {

  record Request(String instanceId, PullRequest pull) {
  }

  @Override
  public Request read(Params params) {
    String instanceId = params.requiredNonEmptyString("InstanceId");
    var source = EventParams.read(params, EventRequests.PULL_PARAMS);
    return new Request(instanceId, EventParams.checked(() -> EventRequests.pull(instanceId, source)));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(i -> call.await(call.control().consumers().pull(request.pull())))
        .map(result -> new JsonObject()
            .put("Events", EventJson.deliveries(result, FieldNames.PASCAL))
            .put("CommittedOffset", result.committedOffset()));
  }
}
