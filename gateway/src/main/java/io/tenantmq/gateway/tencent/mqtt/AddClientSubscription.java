package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code AddClientSubscription}: subscribes a client's session as if the client had sent SUBSCRIBE; the node that
 * owns the session does it, wherever it is.
 * <pre>
 * SDK mqtt/v20240516 AddClientSubscriptionRequest:
 *   InstanceId String · ClientId String · TopicFilter String · Qos String (!) ("0", "1" or "2")
 * AddClientSubscriptionResponse: RequestId only
 * </pre>
 * {@code Qos} is required (the model gives no default). A client without a session answers
 * {@code ResourceNotFound.Client}.
 */
final class AddClientSubscription implements MqttAction<AddClientSubscription.Request> {

  record Request(String instanceId, String clientId, String topicFilter, int qos) {
  }

  @Override
  public Request read(Params params) {
    String instanceId = params.requiredNonEmptyString("InstanceId");
    String clientId = params.requiredNonEmptyString("ClientId");
    String topicFilter = TopicRules.filter(params, "TopicFilter");
    String qos = params.requiredString("Qos");
    if (!qos.matches("[012]")) {
      throw TencentErrors.invalidParameterValue("Qos", "must be \"0\", \"1\" or \"2\", was " + qos);
    }
    return new Request(instanceId, clientId, topicFilter, Integer.parseInt(qos));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    ClientKey key = new ClientKey(request.instanceId(), request.clientId());
    return call.instance(request.instanceId())
        .compose(instance -> call.await(call.control().commands().subscribe(key, request.topicFilter(), request.qos())))
        .map(subscribed -> {
          if (!subscribed) {
            throw TencentErrors.notFound("Client", "client", request.clientId());
          }
          return new JsonObject();
        });
  }
}
