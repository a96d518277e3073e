/** The whole product started once in this JVM for the SDK's integration tests, whatever dialect they call. */
package io.tenantmq.sdk.it;
