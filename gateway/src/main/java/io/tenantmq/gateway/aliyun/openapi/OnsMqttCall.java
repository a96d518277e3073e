package io.tenantmq.gateway.aliyun.openapi;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.AliyunAccessKey;
import io.tenantmq.control.tenant.Instance;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.CompletionStage;

/**
 * One authenticated call, as an action sees it.
 *
 * @param key      the AccessKey that signed it
 * @param instance the {@code InstanceId} of the call, already checked to be one the key may act on
 * @param context  the request's Vert.x context, where continuations run
 */
record OnsMqttCall(ControlPlane control, AliyunAccessKey key, Instance instance, RpcParams params, Context context,
                   long nowMillis) {

  /** A control-plane stage as a future whose continuations run on the request's event loop. */
  <T> Future<T> await(CompletionStage<T> stage) {
    return Future.fromCompletionStage(stage, context);
  }
}
