package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.user.MqttUser;
import io.tenantmq.control.user.UserKey;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.tenantmq.gateway.tencent.TencentException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** Changes a user's permissions and remark; an absent field keeps its value. The password is not changed here. */
final class ModifyMQTTUser implements TrocketAction<ModifyMQTTUser.Request> {

  record Request(String instanceId, String username, Optional<Boolean> permRead, Optional<Boolean> permWrite,
                 Optional<String> remark) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"), params.requiredNonEmptyString("Username"),
        params.bool("PermRead"), params.bool("PermWrite"), params.string("Remark"));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(i -> call.await(call.control().users().get(new UserKey(i.instanceId(), request.username()))))
        .compose(found -> {
          MqttUser user = found.orElseThrow(() -> userNotFound(request.username()));
          return call.await(call.control().users().update(user.withPermissions(
              request.permRead().orElse(user.permRead()), request.permWrite().orElse(user.permWrite()),
              request.remark().orElse(user.remark()), System.currentTimeMillis())));
        })
        .map(updated -> {
          if (!updated) {
            throw userNotFound(request.username()); // deleted meanwhile
          }
          return new JsonObject();
        });
  }

  static TencentException userNotFound(String username) {
    return TencentErrors.notFound("Username", "user", username);
  }
}
