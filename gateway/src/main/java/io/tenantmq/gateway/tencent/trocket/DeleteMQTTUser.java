package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.user.UserKey;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Removes a user; clients already connected with it stay connected until they reconnect. */
final class DeleteMQTTUser implements TrocketAction<DeleteMQTTUser.Request> {

  record Request(String instanceId, String username) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"), params.requiredNonEmptyString("Username"));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(i -> call.await(call.control().users().delete(new UserKey(i.instanceId(), request.username()))))
        .map(deleted -> {
          if (!deleted) {
            throw ModifyMQTTUser.userNotFound(request.username());
          }
          return new JsonObject();
        });
  }
}
