package io.tenantmq.sdk.tencent;

/** What every action's answer carries: the RequestId the server gave the call. */
public interface TencentResponse {
  String requestId();
}
