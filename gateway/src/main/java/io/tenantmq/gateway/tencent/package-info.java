/**
 * The Tencent Cloud API 3.0 dialect (API-NOTES §1): {@code POST /} with a JSON body, or {@code GET /} with a
 * form-encoded query, signed with TC3-HMAC-SHA256.
 *
 * <p>{@link io.tenantmq.gateway.tencent.TencentRequestHandler} does everything actions share, in this order: TC3
 * verification against the credential store, the tenant scope of the credential, dispatch on {@code X-TC-Action} and
 * {@code X-TC-Version} ({@code InvalidAction}, {@code NoSuchVersion}), the per-credential per-action rate limit,
 * parameter reading, then the action; and the envelope, always HTTP 200 with a fresh RequestId.
 *
 * <h2>Adding an action</h2>
 * <ol>
 *   <li>Write one class named after the action in the product's subpackage ({@code trocket/} for 2023-03-08,
 *       {@code mqtt/} for 2024-05-16) implementing {@link io.tenantmq.gateway.tencent.TencentAction}: a nested
 *       {@code record Request}, {@code read(Params)} that reads every parameter with {@link
 *       io.tenantmq.gateway.tencent.Params} (what it does not read is an {@code UnknownParameter}; use
 *       {@code accept(...)} for parameters that are accepted and ignored), and {@code execute(ActionCall, Request)}
 *       that returns the response fields without {@code RequestId}.</li>
 *   <li>Resolve instances with {@link io.tenantmq.gateway.tencent.ActionCall#instance}, which answers
 *       {@code ResourceNotFound.Instance} alike for missing instances and other tenants'; bridge control-plane
 *       stages with {@link io.tenantmq.gateway.tencent.ActionCall#await}; never block.</li>
 *   <li>Fail with {@link io.tenantmq.gateway.tencent.TencentErrors} for expected errors; any other failure becomes
 *       {@code InternalError}, logged once with the RequestId.</li>
 *   <li>List the class in the product's {@code all()} ({@code TrocketActions}); a new product adds its list in
 *       {@link io.tenantmq.gateway.tencent.TencentActions#table()}.</li>
 * </ol>
 */
package io.tenantmq.gateway.tencent;
