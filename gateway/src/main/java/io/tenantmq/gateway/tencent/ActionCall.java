package io.tenantmq.gateway.tencent;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.gateway.GatewayContext;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.CompletionStage;

/**
 * What an action works with: the gateway, the caller's scope, the request's id and event-loop context, and the host
 * the caller addressed (for actions that report endpoints).
 *
 * @param requestHost the host of the request's {@code Host} header, without port
 */
public record ActionCall(GatewayContext gateway, TenantScope scope, String requestId, Context context,
                         String requestHost) {

  public ControlPlane control() {
    return gateway.control();
  }

  /** A control-plane stage as a future that completes back on this request's context. */
  public <T> Future<T> await(CompletionStage<T> stage) {
    return Future.fromCompletionStage(stage, context);
  }

  /**
   * The instance, if the caller may see it; otherwise fails with {@code ResourceNotFound.Instance}, the same answer
   * whether the instance is missing or another tenant's.
   */
  public Future<Instance> instance(String instanceId) {
    return await(control().tenants().instance(instanceId)).compose(found -> found
        .filter(i -> scope.covers(i.tenantId(), i.instanceId()))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(TencentErrors.instanceNotFound(instanceId))));
  }
}
