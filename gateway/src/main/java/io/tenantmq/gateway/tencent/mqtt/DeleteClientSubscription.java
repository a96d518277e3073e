package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code DeleteClientSubscription}: removes one subscription of a client's session, on the node that owns it.
 * <pre>
 * SDK mqtt/v20240516 DeleteClientSubscriptionRequest: InstanceId String · ClientId String · TopicFilter String
 * DeleteClientSubscriptionResponse: RequestId only
 * </pre>
 * A client without a session answers {@code ResourceNotFound.Client}; removing a subscription the session does not
 * have succeeds and changes nothing, as an MQTT UNSUBSCRIBE of an unknown filter does [MQTT-3.10.4-5].
 */
final class DeleteClientSubscription implements MqttAction<DeleteClientSubscription.Request> {

  record Request(String instanceId, String clientId, String topicFilter) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"), params.requiredNonEmptyString("ClientId"),
        TopicRules.filter(params, "TopicFilter"));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    ClientKey key = new ClientKey(request.instanceId(), request.clientId());
    return call.instance(request.instanceId())
        .compose(instance -> call.await(call.control().registry().get(key)))
        .compose(found -> {
          if (found.isEmpty()) {
            return Future.failedFuture(TencentErrors.notFound("Client", "client", request.clientId()));
          }
          // unsubscribe is false both for "no session" and "no such subscription": the record told them apart
          return call.await(call.control().commands().unsubscribe(key, request.topicFilter()));
        })
        .map(removed -> new JsonObject());
  }
}
