/** Tencent Cloud API 3.0 signature v3, TC3-HMAC-SHA256 (API-NOTES §1.3–1.6). */
package io.tenantmq.signing.tencent;
