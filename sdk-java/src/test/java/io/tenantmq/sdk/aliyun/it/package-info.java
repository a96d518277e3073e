/** {@link io.tenantmq.sdk.aliyun.AliyunStyleClient} against the whole product in this JVM, with real MQTT clients. */
package io.tenantmq.sdk.aliyun.it;
