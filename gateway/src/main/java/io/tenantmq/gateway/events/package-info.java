/**
 * The HTTP ways to consume the event streams, shared by every dialect: one set of parameter checks
 * ({@link io.tenantmq.gateway.events.EventRequests}) that turns what a caller sent into a
 * {@link io.tenantmq.control.event.PullRequest}, an ack or an offsets query on the control plane's
 * {@link io.tenantmq.control.event.EventConsumers}, one writer of the event body JSON
 * ({@link io.tenantmq.gateway.events.EventJson}), the EMQX v5 routes ({@code /api/v5/event-streams/...}) and the
 * Server-Sent Events stream. The Tencent and Aliyun actions adapt the same checks to their own parameter names and
 * error envelopes.
 */
package io.tenantmq.gateway.events;
