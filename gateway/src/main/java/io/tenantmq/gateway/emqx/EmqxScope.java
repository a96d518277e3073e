package io.tenantmq.gateway.emqx;

import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/** Whose request this is: the API key that authenticated it, and the one instance of one tenant it acts on. */
public record EmqxScope(String tenantId, String instanceId, String apiKey) {

  static final String KEY = "tenantmq.emqx.scope";

  public EmqxScope {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(apiKey, "apiKey");
  }

  /** The scope {@link ApiKeyAuth} put on the request; every route behind it has one. */
  public static EmqxScope of(RoutingContext ctx) {
    EmqxScope scope = ctx.get(KEY);
    if (scope == null) {
      throw new IllegalStateException("route mounted without ApiKeyAuth");
    }
    return scope;
  }
}
