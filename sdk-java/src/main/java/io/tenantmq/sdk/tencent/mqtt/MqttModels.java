package io.tenantmq.sdk.tencent.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantmq.sdk.tencent.Filter;
import io.tenantmq.sdk.tencent.TencentResponse;
import java.util.List;

/**
 * Requests, responses and structures of version 2024-05-16, field for field as the SDK's
 * {@code com.tencentcloudapi.mqtt.v20240516.models}. Instance answers keep the fields a self-hosted instance has;
 * billing and certificate fields the server may add are ignored. Optional parameters are null.
 */
public final class MqttModels {

  private MqttModels() {
  }

  // --- clients

  public record KickOutClientRequest(String instanceId, String clientId, Boolean deleteSession) {
  }

  /** {@code OnlineStatus}: 0 all, 1 online, 2 offline; {@code Number} (a string, at most 1024) caps the answer. */
  public record DescribeClientListRequest(String instanceId, String clientId, String number, Long onlineStatus,
                                          Long maxTimestamp) {
  }

  public record DescribeClientListResponse(List<MQTTClientInfo> clients, String requestId) implements TencentResponse {
  }

  /** Times in epoch milliseconds. */
  public record MQTTClientInfo(
      String clientId,
      String clientAddress,
      Long protocolVersion,
      Long keepalive,
      String connectionStatus,
      Long createTime,
      Long connectTime,
      Long disconnectTime,
      @JsonProperty("MQTTClientSubscriptions") List<MQTTClientSubscription> mqttClientSubscriptions,
      Boolean cleanSession,
      Long expireIntervalInSeconds) {
  }

  public record MQTTClientSubscription(String topicFilter, Long qos, Long lag, Long inflight,
                                       List<SubscriptionUserProperty> userProperties) {
  }

  public record SubscriptionUserProperty(String key, String value) {
  }

  /** Exactly one of {@code TargetTopic} and {@code TargetClientId}; {@code Encoding} is plain (default) or base64. */
  public record PublishMessageRequest(String instanceId, String payload, String targetTopic, String targetClientId,
                                      String encoding, Long qos, Boolean retain) {
    public static PublishMessageRequest toTopic(String instanceId, String topic, String payload, long qos) {
      return new PublishMessageRequest(instanceId, payload, topic, null, null, qos, null);
    }
  }

  /** {@code Qos} is a string here ("0", "1", "2"), as in the SDK. */
  public record AddClientSubscriptionRequest(String instanceId, String clientId, String topicFilter, String qos) {
  }

  public record DeleteClientSubscriptionRequest(String instanceId, String clientId, String topicFilter) {
  }

  // --- instances

  public record DescribeInstanceRequest(String instanceId) {
  }

  /** {@code CreatedTime} in seconds. */
  public record DescribeInstanceResponse(String instanceType, String instanceId, String instanceName, Long topicNum,
                                         Long topicNumLimit, Long tpsLimit, Long createdTime, String remark,
                                         String instanceStatus, String skuCode, Long maxSubscriptionPerClient,
                                         Long authorizationPolicyLimit, Long clientNumLimit, Long maxSubscription,
                                         String requestId) implements TencentResponse {
  }

  public record DescribeInstanceListRequest(List<Filter> filters, Long offset, Long limit, List<TagFilter> tagFilters) {
  }

  public record TagFilter(String tagKey, List<String> tagValues) {
  }

  public record DescribeInstanceListResponse(Long totalCount, List<MQTTInstanceItem> data, String requestId)
      implements TencentResponse {
  }

  public record MQTTInstanceItem(String instanceId, String instanceName, String version, String instanceType,
                                 String instanceStatus, Long topicNumLimit, String remark, Long topicNum,
                                 String skuCode, Long tpsLimit, Long createTime, Long maxSubscriptionPerClient,
                                 Long clientNumLimit, Long maxSubscription) {
  }

  // --- users

  public record DescribeUserListRequest(String instanceId, List<Filter> filters, Long offset, Long limit) {
  }

  public record DescribeUserListResponse(Long totalCount, List<MQTTUserItem> data, String requestId)
      implements TencentResponse {
  }

  /** Times in milliseconds. */
  public record MQTTUserItem(String username, String password, String remark, Long createdTime, Long modifiedTime) {
  }

  public record CreateUserRequest(String instanceId, String username, String password, String remark) {
  }

  public record DeleteUserRequest(String instanceId, String username) {
  }

  // --- topics

  public record DescribeTopicListRequest(String instanceId, List<Filter> filters, Long offset, Long limit) {
  }

  public record DescribeTopicListResponse(Long totalCount, List<MQTTTopicItem> data, String requestId)
      implements TencentResponse {
  }

  public record MQTTTopicItem(String instanceId, String topic, String remark) {
  }

  public record CreateTopicRequest(String instanceId, String topic, String remark) {
  }

  public record CreateTopicResponse(String instanceId, String topic, String requestId) implements TencentResponse {
  }

  public record DeleteTopicRequest(String instanceId, String topic) {
  }
}
