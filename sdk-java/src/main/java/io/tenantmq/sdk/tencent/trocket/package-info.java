/** The MQTT actions of TDMQ RocketMQ 5 ("trocket"), API version 2023-03-08: typed requests, responses and calls. */
package io.tenantmq.sdk.tencent.trocket;
