package io.tenantmq.sdk.tencent;

/** The answer of an action that returns nothing but its RequestId (deletes, modifications, kicks). */
public record EmptyResponse(String requestId) implements TencentResponse {
}
