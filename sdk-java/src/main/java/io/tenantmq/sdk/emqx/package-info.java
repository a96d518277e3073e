/**
 * A client for EMQX's REST API v5 ({@code /api/v5}, API key and secret over HTTP Basic), so that a back end written
 * for EMQX or EMQX Cloud reaches TenantMQ with only the base URL changed. {@link io.tenantmq.sdk.emqx.EmqxStyleClient}
 * is the entry point; its groups ({@code clients()}, {@code publish()}, ...) follow EMQX's API modules, and every call
 * returns a future of a typed record or fails with {@link io.tenantmq.sdk.emqx.EmqxApiException}.
 */
package io.tenantmq.sdk.emqx;
