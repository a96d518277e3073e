package io.tenantmq.sdk.tencent.trocket;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantmq.sdk.tencent.Filter;
import io.tenantmq.sdk.tencent.TencentResponse;
import java.util.List;

/**
 * Requests, responses and structures of version 2023-03-08, field for field as the SDK's
 * {@code com.tencentcloudapi.trocket.v20230308.models} (release 3.1.1418, the last with the MQTT actions). Names map
 * to PascalCase; {@code @JsonProperty} spells the ones that start with {@code MQTT}. Optional parameters are null.
 */
public final class TrocketModels {

  private TrocketModels() {
  }

  // --- clients

  public record DescribeMQTTClientRequest(String instanceId, String clientId) {
  }

  /**
   * One client of an instance. Times are epoch milliseconds; {@code DisconnectTime} is set only for a persistent
   * session whose client is gone. {@code Inbound} is server → client traffic, {@code OutBound} client → server.
   */
  public record DescribeMQTTClientResponse(
      String clientId,
      String clientAddress,
      Long protocolVersion,
      Long keepalive,
      String connectionStatus,
      Long createTime,
      Long connectTime,
      Long disconnectTime,
      @JsonProperty("MQTTClientSubscriptions") List<MQTTClientSubscription> mqttClientSubscriptions,
      StatisticsReport inbound,
      StatisticsReport outBound,
      Boolean cleanSession,
      String requestId) implements TencentResponse {
  }

  public record MQTTClientSubscription(String topicFilter, Long qos) {
  }

  /** Traffic of one direction: bytes, and packets counted by MQTT control packet type and QoS. */
  public record StatisticsReport(Long bytes, List<PacketStatistics> items) {
    /** The count of one packet type (all QoS together), 0 when absent. */
    public long count(String messageType) {
      return items == null ? 0 : items.stream().filter(i -> messageType.equals(i.messageType()))
          .mapToLong(i -> i.count() == null ? 0 : i.count()).sum();
    }

    /** The count of one packet type at one QoS (PUBLISH is counted per QoS), 0 when absent. */
    public long count(String messageType, long qos) {
      return items == null ? 0 : items.stream()
          .filter(i -> messageType.equals(i.messageType()) && i.qos() != null && i.qos() == qos)
          .mapToLong(i -> i.count() == null ? 0 : i.count()).sum();
    }
  }

  /** {@code MessageType} is an upper-case MQTT packet name such as {@code CONNECT}, {@code PUBLISH}, {@code PINGREQ}. */
  public record PacketStatistics(String messageType, Long qos, Long count) {
  }

  // --- instances

  public record DescribeMQTTInstanceRequest(String instanceId) {
  }

  /** {@code CreatedTime} is in seconds here, unlike the list item's {@code CreateTime} in milliseconds. */
  public record DescribeMQTTInstanceResponse(String instanceType, String instanceId, String instanceName, Long topicNum,
                                             Long topicNumLimit, Long tpsLimit, Long createdTime, String remark,
                                             String instanceStatus, String skuCode, Long subscriptionNumLimit,
                                             Long clientNumLimit, String requestId) implements TencentResponse {
  }

  /** Filters: {@code InstanceName} (fuzzy), {@code InstanceId}, {@code InstanceType}, {@code InstanceStatus}. */
  public record DescribeMQTTInstanceListRequest(List<Filter> filters, Long offset, Long limit, Boolean includeNew) {
  }

  public record DescribeMQTTInstanceListResponse(Long totalCount, List<MQTTInstanceItem> data, String requestId)
      implements TencentResponse {
  }

  public record MQTTInstanceItem(String instanceId, String instanceName, String version, String instanceType,
                                 String instanceStatus, Long topicNumLimit, String remark, Long topicNum,
                                 String skuCode, Long tpsLimit, Long createTime, Long subscriptionNumLimit,
                                 Long clientNumLimit) {
  }

  /** {@code InstanceType} is EXPERIMENT, BASIC, PRO or PLATINUM. */
  public record CreateMQTTInstanceRequest(String instanceType, String name, String skuCode, String remark,
                                          List<Tag> tagList, List<VpcInfo> vpcList, Boolean enablePublic,
                                          Long bandwidth, List<IpRule> ipRules, Long renewFlag, Long timeSpan) {
    /** Just a type and a name, which is all a self-hosted instance needs. */
    public CreateMQTTInstanceRequest(String instanceType, String name, String remark) {
      this(instanceType, name, null, remark, null, null, null, null, null, null, null);
    }
  }

  public record CreateMQTTInstanceResponse(String instanceId, String requestId) implements TencentResponse {
  }

  public record ModifyMQTTInstanceRequest(String instanceId, String name, String remark) {
  }

  public record DeleteMQTTInstanceRequest(String instanceId) {
  }

  public record DescribeMQTTInsPublicEndpointsRequest(String instanceId) {
  }

  /** {@code Status} is NORMAL, CLOSING, MODIFYING, CREATING or CLOSE. */
  public record DescribeMQTTInsPublicEndpointsResponse(List<MQTTEndpointItem> endpoints, String instanceId,
                                                       Long bandwidth, List<PublicAccessRule> rules, String status,
                                                       String requestId) implements TencentResponse {
  }

  public record MQTTEndpointItem(String type, String url, String vpcId, String subnetId, String host, Long port,
                                 String ip) {
  }

  public record PublicAccessRule(String ipRule, Boolean allow, String remark) {
  }

  public record Tag(String tagKey, String tagValue) {
  }

  public record VpcInfo(String vpcId, String subnetId) {
  }

  public record IpRule(String ip, Boolean allow, String remark) {
  }

  // --- users

  /** Filters: {@code Username} (fuzzy). */
  public record DescribeMQTTUserListRequest(String instanceId, List<Filter> filters, Long offset, Long limit) {
  }

  public record DescribeMQTTUserListResponse(Long totalCount, List<MQTTUserItem> data, String requestId)
      implements TencentResponse {
  }

  /** Times in seconds. */
  public record MQTTUserItem(String username, String password, Boolean permRead, Boolean permWrite, String remark,
                             Long createdTime, Long modifiedTime) {
  }

  /** The SDK's field order: Remark, PermWrite, PermRead, Username, Password. */
  public record CreateMQTTUserRequest(String instanceId, String remark, Boolean permWrite, Boolean permRead,
                                      String username, String password) {
  }

  /**
   * The SDK's answer has only the RequestId; TenantMQ adds {@code Password} when the request left it empty and the
   * server generated one, since nothing else will ever show it.
   */
  public record CreateMQTTUserResponse(String password, String requestId) implements TencentResponse {
  }

  public record ModifyMQTTUserRequest(String instanceId, String username, Boolean permRead, Boolean permWrite,
                                      String remark) {
  }

  public record DeleteMQTTUserRequest(String instanceId, String username) {
  }

  // --- topics

  public record DescribeMQTTTopicRequest(String instanceId, String topic) {
  }

  /** {@code CreatedTime} in seconds. */
  public record DescribeMQTTTopicResponse(String instanceId, String topic, String remark, Long createdTime,
                                          String requestId) implements TencentResponse {
  }

  /** Filters: {@code TopicName} (fuzzy), {@code TopicType}. */
  public record DescribeMQTTTopicListRequest(String instanceId, List<Filter> filters, Long offset, Long limit) {
  }

  public record DescribeMQTTTopicListResponse(Long totalCount, List<MQTTTopicItem> data, String requestId)
      implements TencentResponse {
  }

  public record MQTTTopicItem(String instanceId, String topic, String remark) {
  }

  public record CreateMQTTTopicRequest(String instanceId, String topic, String remark) {
  }

  public record CreateMQTTTopicResponse(String instanceId, String topic, String requestId) implements TencentResponse {
  }

  public record ModifyMQTTTopicRequest(String instanceId, String topic, String remark) {
  }

  public record DeleteMQTTTopicRequest(String instanceId, String topic) {
  }
}
