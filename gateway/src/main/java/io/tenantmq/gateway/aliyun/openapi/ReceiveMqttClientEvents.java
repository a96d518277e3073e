package io.tenantmq.gateway.aliyun.openapi;

import io.tenantmq.control.event.PullRequest;
import io.tenantmq.gateway.events.EventJson;
import io.tenantmq.gateway.events.EventRequests;
import io.tenantmq.gateway.events.FieldNames;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * A pull of the instance's event stream by a consumer group, with the checks and consumers of every dialect
 * (parameters named as Tencent's {@code ReceiveMQTTClientEvents}): {@code {Events: [{Offset, Tag, ReceiptHandle,
 * DeliveryCount, Body}], CommittedOffset}}. {@code WaitSeconds} up to 30 holds the answer until a matching event
 * arrives; a caller that uses it needs a read timeout above it.
 */
final class ReceiveMqttClientEvents implements OnsMqttAction {

  @Override
  public String name() {
    return "ReceiveMqttClientEvents";
  }

  @Override
  public Future<JsonObject> execute(OnsMqttCall call) {
    String instanceId = call.instance().instanceId();
    PullRequest pull = EventCalls.checked(() -> EventRequests.pull(instanceId, EventCalls.source(call.params())));
    return call.await(call.control().consumers().pull(pull)).map(result -> new JsonObject()
        .put("Events", EventJson.deliveries(result, FieldNames.PASCAL))
        .put("CommittedOffset", result.committedOffset()));
  }
}
