/**
 * Alibaba Cloud MQTT's signatures and login forms: the Signature-mode MQTT password, the Token-mode password's
 * {@code type|token} pairs, user names, the sorted-parameter HMAC-SHA1 of the token server and of
 * {@code /route/clientId/get} (API-NOTES §3.2–3.4, vectors T4 and T5), and the RPC signature of the OnsMqtt OpenAPI
 * ({@code AliyunRpcSignature}, §3.6). Pure functions.
 */
package io.tenantmq.signing.aliyun;
