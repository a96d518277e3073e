/**
 * The EMQX dialect: EMQX's REST API v5 under {@code /api/v5} ({@code v5/}) and the v4/v3 shapes under {@code /api/v4}
 * and {@code /api/v3} ({@code v4/}), authenticated with an instance's API key over HTTP Basic ({@link
 * io.tenantmq.gateway.emqx.ApiKeyAuth}). Every request acts on the one instance its key belongs to.
 */
package io.tenantmq.gateway.emqx;
