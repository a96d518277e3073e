/**
 * The actions of Tencent Cloud's product {@code mqtt}, API version 2024-05-16 (the successor of trocket's MQTT
 * actions): one class per action, checked field by field against {@code tencentcloud-sdk-java}
 * {@code com/tencentcloudapi/mqtt/v20240516/models}.
 */
package io.tenantmq.gateway.tencent.mqtt;
