/**
 * The Alibaba Cloud MQTT dialect's plain HTTP endpoints: the application server token interface ({@code /token/apply},
 * {@code /token/revoke}) and the synchronous online check {@code /route/clientId/get}, all signed with an AccessKey
 * as API-NOTES §3.3 describes. The OnsMqtt OpenAPI lives in {@code openapi/}.
 */
package io.tenantmq.gateway.aliyun;
