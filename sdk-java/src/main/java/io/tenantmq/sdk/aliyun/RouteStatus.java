package io.tenantmq.sdk.aliyun;

/**
 * The answer of {@code GET /route/clientId/get} (API-NOTES §3.4), field for field.
 *
 * @param code 0 for an answer; the error codes 1–4 arrive as an {@link AliyunApiException} instead
 * @param online how many TCP connections the client id has in the instance: 0 offline, 1 online, more than one for
 *     duplicate connections, -1 unknown (retry)
 */
public record RouteStatus(int code, boolean success, int online, String message) {

  /** Whether the client id has at least one live connection. */
  public boolean isOnline() {
    return online > 0;
  }
}
