/**
 * Alibaba Cloud's OnsMqtt OpenAPI subset (product {@code OnsMqtt}, version {@code 2020-04-20}, RPC style, API-NOTES
 * §3.6) on {@code /}: {@code QuerySessionByClientId}, {@code BatchQuerySessionByClientIds}, {@code CloseConnection},
 * {@code ApplyToken}, {@code QueryToken}, {@code RevokeToken}.
 *
 * <p>{@link io.tenantmq.gateway.aliyun.openapi.OnsMqttRequestHandler} claims only RPC calls (no TC3 header; an
 * {@code AccessKeyId} or {@code SignatureVersion} parameter) and passes everything else on to the Tencent API. A call
 * is checked in this order: common parameters and the ±15 minute {@code Timestamp} window, {@code Action} and
 * {@code Version}, the AccessKey ({@code control.aliyunKeys()}), the HMAC-SHA1 signature (signing's
 * {@code AliyunRpcSignature}), the {@code SignatureNonce} (once per key within the window, cluster-wide), then the
 * {@code InstanceId} (the key's tenant's, else {@code InstancePermissionCheckFailed} alike for missing and foreign
 * instances), then the action. Answers are JSON, or XML with {@code Format=XML}.
 */
package io.tenantmq.gateway.aliyun.openapi;
