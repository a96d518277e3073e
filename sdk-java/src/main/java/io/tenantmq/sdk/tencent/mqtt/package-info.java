/** The actions of Tencent's MQTT product, API version 2024-05-16: typed requests, responses and calls. */
package io.tenantmq.sdk.tencent.mqtt;
