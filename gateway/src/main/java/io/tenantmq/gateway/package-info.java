/** The HTTP edge: health and metrics today; the Tencent, Aliyun and EMQX dialects as they land. */
package io.tenantmq.gateway;
