package io.tenantmq.gateway;

import io.tenantmq.control.ControlPlane;
import io.vertx.core.Vertx;

/**
 * What every API of the gateway works with.
 *
 * @param node     this node's name, as the APIs report it
 * @param options  listener addresses, the operator token, rate limits
 */
public record GatewayContext(Vertx vertx, ControlPlane control, String node, GatewayOptions options) {
}
