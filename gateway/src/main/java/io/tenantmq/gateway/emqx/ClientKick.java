package io.tenantmq.gateway.emqx;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.gateway.common.Stages;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * EMQX's kick-out ({@code DELETE /clients/{clientid}}), for every API version: closes the client's live connection on
 * whichever node holds it. EMQX also discards an offline session; TenantMQ leaves an offline record as it is.
 */
public final class ClientKick {

  private ClientKick() {
  }

  /** Whether the instance has the client at all (connected or not); a failed future: its node could not be reached. */
  public static Future<Boolean> kick(RoutingContext ctx, ControlPlane control, ClientKey key) {
    return Stages.on(ctx, control.registry().get(key)).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(false);
      }
      return found.get().connected() ? Stages.on(ctx, control.commands().kick(key)).map(kicked -> true)
          : Future.succeededFuture(true);
    });
  }
}
