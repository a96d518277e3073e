package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code KickOutClient}: closes a client's live connection, on whichever node owns it.
 * <pre>
 * SDK mqtt/v20240516 KickOutClientRequest:  InstanceId String · ClientId String · DeleteSession Boolean (default false)
 *                    KickOutClientResponse: RequestId only
 * </pre>
 * A client that is unknown or has no live connection answers {@code ResourceNotFound.Client}, trocket's code for a
 * missing client: MqttErrorCode v20240516 lists no client code of its own, and a {@code ResourceNotFound.} sub-code
 * keeps callers that test that prefix working. The command interface has no "discard session"; {@code DeleteSession=true}
 * comes close with the commands it has: it first removes every subscription of the session (so nothing more is
 * queued for it), then kicks, then removes the client's registry record, so the client no longer lists. Messages
 * already queued stay in the broker's stored session, and a client that reconnects without clean start within its
 * expiry interval resumes that (subscription-less) session.
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
    var commands = call.control().commands();
    return call.instance(request.instanceId())
        .compose(instance -> call.await(registry.get(key)))
        .compose(found -> {
          if (found.isEmpty() || !found.get().connected()) {
            return Future.failedFuture(notFound(request));
          }
          ClientRecord record = found.get();
          // emptied before the kick, so that nothing more is queued for a session that is going away
          Future<Void> emptied = request.deleteSession() ? unsubscribeAll(call, key, record) : Future.succeededFuture();
          return emptied.compose(v -> call.await(commands.kick(key))).compose(kicked -> {
            if (!kicked) {
              return Future.failedFuture(notFound(request));
            }
            // the channel was read before the kick: a reconnect that races the removal keeps its new record
            return request.deleteSession()
                ? call.await(registry.remove(key, record.channelId())).mapEmpty()
                : Future.succeededFuture();
          });
        })
        .map(done -> new JsonObject());
  }

  private static Future<Void> unsubscribeAll(ActionCall call, ClientKey key, ClientRecord record) {
    List<Future<Boolean>> each = new ArrayList<>();
    record.subscriptions().keySet().forEach(filter -> each.add(call.await(call.control().commands().unsubscribe(key, filter))));
    return Future.all(each).mapEmpty();
  }

  private static RuntimeException notFound(Request request) {
    return TencentErrors.notFound("Client", "client", request.clientId());
  }
}
