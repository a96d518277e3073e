/** The client against the whole product started in this JVM, with real MQTT clients connected to it. */
package io.tenantmq.sdk.tencent.it;
