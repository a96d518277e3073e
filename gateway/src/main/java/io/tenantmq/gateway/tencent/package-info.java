/** The Tencent Cloud dialect: TC3 authentication, action dispatch, the trocket 2023-03-08 and mqtt 2024-05-16 actions. */
package io.tenantmq.gateway.tencent;
