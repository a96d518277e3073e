/** Hashing, HMAC, hex, constant-time comparison. */
package io.tenantmq.signing.common;
