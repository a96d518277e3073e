/**
 * Product trocket (TDMQ RocketMQ 5), version 2023-03-08: its MQTT instance, user, topic and client actions
 * (API-NOTES §2), one class per action, listed in {@link io.tenantmq.gateway.tencent.trocket.TrocketActions}.
 */
package io.tenantmq.gateway.tencent.trocket;
