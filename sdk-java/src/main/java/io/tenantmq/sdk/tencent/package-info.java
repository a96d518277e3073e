/**
 * A client for the Tencent Cloud API 3.0 dialect (TC3-HMAC-SHA256 signed {@code POST /}), signing exactly like the
 * official SDK so that the same requests reach TenantMQ or Tencent Cloud. Typed actions live in {@code trocket}
 * (version 2023-03-08) and {@code mqtt} (version 2024-05-16).
 */
package io.tenantmq.sdk.tencent;
