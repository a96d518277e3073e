package io.tenantmq.gateway.aliyun.openapi;

import io.tenantmq.gateway.events.ConsumerRef;
import io.tenantmq.gateway.events.EventRequests;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Acknowledges deliveries of {@link ReceiveMqttClientEvents} by {@code ReceiptHandle.1..n} (with the
 * {@code ConsumerId} in broadcasting mode): {@code {AckedCount}}, not counting unknown, expired or repeated handles.
 */
final class AckMqttClientEvents implements OnsMqttAction {

  @Override
  public String name() {
    return "AckMqttClientEvents";
  }

  @Override
  public Future<JsonObject> execute(OnsMqttCall call) {
    String instanceId = call.instance().instanceId();
    ConsumerRef c = EventCalls.checked(() -> EventRequests.consumer(instanceId, EventCalls.source(call.params())));
    List<String> handles = EventCalls.checked(() -> EventRequests.receiptHandles(EventCalls.receiptHandles(call.params())));
    return call.await(call.control().consumers().ack(c.instanceId(), c.consumerGroup(), c.consumerId(), handles))
        .map(acked -> new JsonObject().put("AckedCount", acked));
  }
}
