package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code KickOutClient}: closes a client's live connection, on whichever node owns it.
 * <pre>
 * SDK mqtt/v20240516 KickOutClientRequest:  InstanceId String · ClientId String · DeleteSession Boolean (default false)
 *                    KickOutClientResponse: RequestId only
 * </pre>
 * A client that is unknown or has no live connection answers {@code ResourceNotFound.Client}, trocket's code for a
 * missing client: MqttErrorCode v20240516 lists no client code of its own, and a {@code ResourceNotFound.} sub-code
 * keeps callers that test that prefix working. {@code DeleteSession=true} also removes the client's registry record
 * once the connection is gone, so the client no longer lists. The broker's stored session (subscriptions, queued
 * messages) is not discarded: the command interface has no such command yet, so a client that reconnects without
 * clean start within its expiry interval resumes it.
 */
final class KickOutClient implements MqttAction<KickOutClient.Request> {

  record Request(String instanceId, String clientId, boolean deleteSession) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"), params.requiredNonEmptyString("ClientId"),
        params.bool("DeleteSession").orElse(false));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    ClientKey key = new ClientKey(request.instanceId(), request.clientId());
    var registry = call.control().registry();
    return call.instance(request.instanceId())
        .compose(instance -> call.await(registry.get(key)))
        .compose(found -> {
          if (found.isEmpty() || !found.get().connected()) {
            return Future.failedFuture(notFound(request));
          }
          // the channel is taken before the kick: a reconnect that races the removal keeps its new record
          String channelId = found.get().channelId();
          return call.await(call.control().commands().kick(key)).compose(kicked -> {
            if (!kicked) {
              return Future.failedFuture(notFound(request));
            }
            return request.deleteSession() ? call.await(registry.remove(key, channelId)).mapEmpty() : Future.succeededFuture();
          });
        })
        .map(done -> new JsonObject());
  }

  private static RuntimeException notFound(Request request) {
    return TencentErrors.notFound("Client", "client", request.clientId());
  }
}
