/** What the SDK's clients share about talking HTTP: timeouts, proxy, endpoint checks, the JDK HttpClient they make. */
package io.tenantmq.sdk.http;
