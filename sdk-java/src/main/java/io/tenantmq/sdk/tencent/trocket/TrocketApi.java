package io.tenantmq.sdk.tencent.trocket;

import io.tenantmq.sdk.tencent.EmptyResponse;
import io.tenantmq.sdk.tencent.TencentStyleClient;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.CreateMQTTInstanceRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.CreateMQTTInstanceResponse;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.CreateMQTTTopicRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.CreateMQTTTopicResponse;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.CreateMQTTUserRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.CreateMQTTUserResponse;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DeleteMQTTInstanceRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DeleteMQTTTopicRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DeleteMQTTUserRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientResponse;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTInsPublicEndpointsRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTInsPublicEndpointsResponse;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTInstanceListRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTInstanceListResponse;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTInstanceRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTInstanceResponse;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTTopicListRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTTopicListResponse;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTTopicRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTTopicResponse;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTUserListRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTUserListResponse;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.ModifyMQTTInstanceRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.ModifyMQTTTopicRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.ModifyMQTTUserRequest;
import java.util.concurrent.CompletableFuture;

/** The MQTT actions of version {@value #VERSION}, one typed call each; see {@link TencentStyleClient} for failures. */
public final class TrocketApi {

  public static final String VERSION = "2023-03-08";

  private final TencentStyleClient client;

  public TrocketApi(TencentStyleClient client) {
    this.client = client;
  }

  public CompletableFuture<DescribeMQTTClientResponse> describeMQTTClient(DescribeMQTTClientRequest r) {
    return client.call("DescribeMQTTClient", VERSION, r, DescribeMQTTClientResponse.class);
  }

  public CompletableFuture<DescribeMQTTInstanceResponse> describeMQTTInstance(DescribeMQTTInstanceRequest r) {
    return client.call("DescribeMQTTInstance", VERSION, r, DescribeMQTTInstanceResponse.class);
  }

  public CompletableFuture<DescribeMQTTInstanceListResponse> describeMQTTInstanceList(DescribeMQTTInstanceListRequest r) {
    return client.call("DescribeMQTTInstanceList", VERSION, r, DescribeMQTTInstanceListResponse.class);
  }

  public CompletableFuture<CreateMQTTInstanceResponse> createMQTTInstance(CreateMQTTInstanceRequest r) {
    return client.call("CreateMQTTInstance", VERSION, r, CreateMQTTInstanceResponse.class);
  }

  public CompletableFuture<EmptyResponse> modifyMQTTInstance(ModifyMQTTInstanceRequest r) {
    return client.call("ModifyMQTTInstance", VERSION, r, EmptyResponse.class);
  }

  public CompletableFuture<EmptyResponse> deleteMQTTInstance(DeleteMQTTInstanceRequest r) {
    return client.call("DeleteMQTTInstance", VERSION, r, EmptyResponse.class);
  }

  public CompletableFuture<DescribeMQTTInsPublicEndpointsResponse> describeMQTTInsPublicEndpoints(
      DescribeMQTTInsPublicEndpointsRequest r) {
    return client.call("DescribeMQTTInsPublicEndpoints", VERSION, r, DescribeMQTTInsPublicEndpointsResponse.class);
  }

  public CompletableFuture<DescribeMQTTUserListResponse> describeMQTTUserList(DescribeMQTTUserListRequest r) {
    return client.call("DescribeMQTTUserList", VERSION, r, DescribeMQTTUserListResponse.class);
  }

  public CompletableFuture<CreateMQTTUserResponse> createMQTTUser(CreateMQTTUserRequest r) {
    return client.call("CreateMQTTUser", VERSION, r, CreateMQTTUserResponse.class);
  }

  public CompletableFuture<EmptyResponse> modifyMQTTUser(ModifyMQTTUserRequest r) {
    return client.call("ModifyMQTTUser", VERSION, r, EmptyResponse.class);
  }

  public CompletableFuture<EmptyResponse> deleteMQTTUser(DeleteMQTTUserRequest r) {
    return client.call("DeleteMQTTUser", VERSION, r, EmptyResponse.class);
  }

  public CompletableFuture<DescribeMQTTTopicResponse> describeMQTTTopic(DescribeMQTTTopicRequest r) {
    return client.call("DescribeMQTTTopic", VERSION, r, DescribeMQTTTopicResponse.class);
  }

  public CompletableFuture<DescribeMQTTTopicListResponse> describeMQTTTopicList(DescribeMQTTTopicListRequest r) {
    return client.call("DescribeMQTTTopicList", VERSION, r, DescribeMQTTTopicListResponse.class);
  }

  public CompletableFuture<CreateMQTTTopicResponse> createMQTTTopic(CreateMQTTTopicRequest r) {
    return client.call("CreateMQTTTopic", VERSION, r, CreateMQTTTopicResponse.class);
  }

  public CompletableFuture<EmptyResponse> modifyMQTTTopic(ModifyMQTTTopicRequest r) {
    return client.call("ModifyMQTTTopic", VERSION, r, EmptyResponse.class);
  }

  public CompletableFuture<EmptyResponse> deleteMQTTTopic(DeleteMQTTTopicRequest r) {
    return client.call("DeleteMQTTTopic", VERSION, r, EmptyResponse.class);
  }
}
