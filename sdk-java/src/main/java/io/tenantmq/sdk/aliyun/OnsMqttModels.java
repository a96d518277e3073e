package io.tenantmq.sdk.aliyun;

import java.util.List;

/**
 * The answers of the OnsMqtt actions (version {@value OnsMqttApi#VERSION}), field for field as the Alibaba Cloud
 * SDK's {@code com.aliyuncs.onsmqtt.model.v20200420} responses; the names map to the API's PascalCase.
 */
public final class OnsMqttModels {

  private OnsMqttModels() {
  }

  /** What every answer carries: the RequestId the server gave the call. */
  public interface OnsMqttResponse {
    String requestId();
  }

  /** @param onlineStatus whether the client id is connected to the instance now */
  public record QuerySessionByClientIdResponse(String requestId, boolean onlineStatus) implements OnsMqttResponse {
  }

  /** @param onlineStatusList one entry per client id asked for, in the order asked */
  public record BatchQuerySessionByClientIdsResponse(String requestId, List<OnlineStatus> onlineStatusList)
      implements OnsMqttResponse {
  }

  public record OnlineStatus(String clientId, boolean onlineStatus) {
  }

  public record CloseConnectionResponse(String requestId) implements OnsMqttResponse {
  }

  /** @param token for a device's {@link AliyunMqttCredentials#token Token-mode login}; never shown by toString */
  public record ApplyTokenResponse(String requestId, String token) implements OnsMqttResponse {
    @Override
    public String toString() {
      return "ApplyTokenResponse[requestId=" + requestId + ", token=***]";
    }
  }

  /** @param tokenStatus true while the token works: not expired, not revoked */
  public record QueryTokenResponse(String requestId, boolean tokenStatus) implements OnsMqttResponse {
  }

  public record RevokeTokenResponse(String requestId) implements OnsMqttResponse {
  }
}
