package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.gateway.events.ConsumerRef;
import io.tenantmq.gateway.events.EventParam;
import io.tenantmq.gateway.events.EventRequests;
import io.tenantmq.gateway.events.FieldNames;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Acknowledges deliveries of {@link ReceiveMQTTClientEvents} by their {@code ReceiptHandles} (with the
 * {@code ConsumerId} in broadcasting mode): {@code {AckedCount}}, not counting unknown, expired or repeated handles.
 */
final class AckMQTTClientEvents implements TrocketAction<AckMQTTClientEvents.Request> {

  record Request(ConsumerRef consumer, List<String> receiptHandles) {
  }

  @Override
  public Request read(Params params) {
    String instanceId = params.requiredNonEmptyString("InstanceId");
    var source = EventParams.read(params, EventRequests.CONSUMER_PARAMS);
    List<String> handles = params.strings(EventParam.RECEIPT_HANDLES.wireName(FieldNames.PASCAL)).orElse(null);
    return EventParams.checked(() -> new Request(EventRequests.consumer(instanceId, source),
        EventRequests.receiptHandles(handles)));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    ConsumerRef c = request.consumer();
    return call.instance(c.instanceId())
        .compose(i -> call.await(call.control().consumers().ack(c.instanceId(), c.consumerGroup(), c.consumerId(),
            request.receiptHandles())))
        .map(acked -> new JsonObject().put("AckedCount", acked));
  }
}
