package io.tenantmq.gateway.admin;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * One endpoint of the admin API. Runs on the request's event loop: validation may throw {@link AdminException}
 * straight away, anything that waits returns in the future. {@link AdminApi} writes the reply or the error.
 */
@FunctionalInterface
interface AdminAction {
  Future<AdminReply> handle(RoutingContext ctx);
}
