/**
 * The Alibaba Cloud MQTT dialect for device code and back ends: {@link io.tenantmq.sdk.aliyun.AliyunMqttCredentials}
 * computes the Signature- and Token-mode MQTT logins, and {@link io.tenantmq.sdk.aliyun.AliyunStyleClient} calls the
 * token server, {@code /route/clientId/get} and the OnsMqtt OpenAPI, so that code written for Alibaba Cloud reaches
 * TenantMQ with only the host name changed.
 */
package io.tenantmq.sdk.aliyun;
