package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.user.UserKey;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code DeleteUser}: removes an MQTT user; no client connects with it any more (connected ones stay connected).
 * <pre>
 * SDK mqtt/v20240516 DeleteUserRequest: InstanceId String · Username String
 * DeleteUserResponse: RequestId only
 * </pre>
 * An unknown name answers {@code ResourceNotFound.Username} (MqttErrorCode v20240516).
 */
final class DeleteUser implements MqttAction<UserKey> {

  @Override
  public UserKey read(Params params) {
    return new UserKey(params.requiredNonEmptyString("InstanceId"), params.requiredNonEmptyString("Username"));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, UserKey key) {
    return call.instance(key.instanceId())
        .compose(instance -> call.await(call.control().users().delete(key)))
        .map(deleted -> {
          if (!deleted) {
            throw TencentErrors.notFound("Username", "user", key.username());
          }
          return new JsonObject();
        });
  }
}
