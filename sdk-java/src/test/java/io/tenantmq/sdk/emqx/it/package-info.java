/** {@link io.tenantmq.sdk.emqx.EmqxStyleClient} against the whole product in this JVM, with real MQTT clients. */
package io.tenantmq.sdk.emqx.it;
