package io.tenantmq.sdk.tencent.mqtt;

import io.tenantmq.sdk.tencent.EmptyResponse;
import io.tenantmq.sdk.tencent.TencentStyleClient;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.AddClientSubscriptionRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.CreateTopicRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.CreateTopicResponse;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.CreateUserRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DeleteClientSubscriptionRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DeleteTopicRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DeleteUserRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DescribeClientListRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DescribeClientListResponse;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DescribeInstanceListRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DescribeInstanceListResponse;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DescribeInstanceRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DescribeInstanceResponse;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DescribeTopicListRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DescribeTopicListResponse;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DescribeUserListRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DescribeUserListResponse;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.KickOutClientRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.PublishMessageRequest;
import java.util.concurrent.CompletableFuture;

/** The actions of version {@value #VERSION}, one typed call each; see {@link TencentStyleClient} for failures. */
public final class MqttApi {

  public static final String VERSION = "2024-05-16";

  private final TencentStyleClient client;

  public MqttApi(TencentStyleClient client) {
    this.client = client;
  }

  public CompletableFuture<EmptyResponse> kickOutClient(KickOutClientRequest r) {
    return client.call("KickOutClient", VERSION, r, EmptyResponse.class);
  }

  public CompletableFuture<DescribeClientListResponse> describeClientList(DescribeClientListRequest r) {
    return client.call("DescribeClientList", VERSION, r, DescribeClientListResponse.class);
  }

  public CompletableFuture<EmptyResponse> publishMessage(PublishMessageRequest r) {
    return client.call("PublishMessage", VERSION, r, EmptyResponse.class);
  }

  public CompletableFuture<EmptyResponse> addClientSubscription(AddClientSubscriptionRequest r) {
    return client.call("AddClientSubscription", VERSION, r, EmptyResponse.class);
  }

  public CompletableFuture<EmptyResponse> deleteClientSubscription(DeleteClientSubscriptionRequest r) {
    return client.call("DeleteClientSubscription", VERSION, r, EmptyResponse.class);
  }

  public CompletableFuture<DescribeInstanceResponse> describeInstance(DescribeInstanceRequest r) {
    return client.call("DescribeInstance", VERSION, r, DescribeInstanceResponse.class);
  }

  public CompletableFuture<DescribeInstanceListResponse> describeInstanceList(DescribeInstanceListRequest r) {
    return client.call("DescribeInstanceList", VERSION, r, DescribeInstanceListResponse.class);
  }

  public CompletableFuture<DescribeUserListResponse> describeUserList(DescribeUserListRequest r) {
    return client.call("DescribeUserList", VERSION, r, DescribeUserListResponse.class);
  }

  public CompletableFuture<EmptyResponse> createUser(CreateUserRequest r) {
    return client.call("CreateUser", VERSION, r, EmptyResponse.class);
  }

  public CompletableFuture<EmptyResponse> deleteUser(DeleteUserRequest r) {
    return client.call("DeleteUser", VERSION, r, EmptyResponse.class);
  }

  public CompletableFuture<DescribeTopicListResponse> describeTopicList(DescribeTopicListRequest r) {
    return client.call("DescribeTopicList", VERSION, r, DescribeTopicListResponse.class);
  }

  public CompletableFuture<CreateTopicResponse> createTopic(CreateTopicRequest r) {
    return client.call("CreateTopic", VERSION, r, CreateTopicResponse.class);
  }

  public CompletableFuture<EmptyResponse> deleteTopic(DeleteTopicRequest r) {
    return client.call("DeleteTopic", VERSION, r, EmptyResponse.class);
  }
}
