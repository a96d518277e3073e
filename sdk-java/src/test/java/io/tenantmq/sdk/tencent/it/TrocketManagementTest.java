package io.tenantmq.sdk.tencent.it;

import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static io.tenantmq.sdk.tencent.it.ApiErrors.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.tenantmq.sdk.it.TenantMqUnderTest;
import io.tenantmq.sdk.tencent.Filter;
import io.tenantmq.sdk.tencent.trocket.TrocketApi;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.CreateMQTTInstanceRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.CreateMQTTTopicRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.CreateMQTTUserRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DeleteMQTTInstanceRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DeleteMQTTTopicRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DeleteMQTTUserRequest;
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
import io.tenantmq.sdk.tencent.trocket.TrocketModels.MQTTEndpointItem;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.MQTTTopicItem;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.MQTTUserItem;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.ModifyMQTTInstanceRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.ModifyMQTTTopicRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.ModifyMQTTUserRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The instance, user, topic and endpoint actions of 2023-03-08 through TencentStyleClient, against the product. */
class TrocketManagementTest {

  static TenantMqUnderTest product;
  static TrocketApi trocket;

  @BeforeAll
  static void start() throws Exception {
    product = TenantMqUnderTest.shared();
    trocket = product.client.trocket();
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void demoInstanceIsDescribedAndListedByItsId() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    DescribeMQTTInstanceResponse i = await(trocket.describeMQTTInstance(
        new DescribeMQTTInstanceRequest(product.instanceId())));

    assertThat(i.instanceId()).isEqualTo(product.instanceId());
    assertThat(i.instanceName()).isNotBlank();
    assertThat(i.instanceStatus()).isEqualTo("RUNNING");
    assertThat(i.instanceType()).isIn("EXPERIMENT", "BASIC", "PRO", "PLATINUM");
    assertThat(i.createdTime()).as("seconds").isBetween(now - 3_600, now);
    assertThat(i.topicNum()).isNotNegative();
    assertThat(i.clientNumLimit()).isPositive();
    assertThat(i.requestId()).isNotBlank();

    DescribeMQTTInstanceListResponse list = await(trocket.describeMQTTInstanceList(new DescribeMQTTInstanceListRequest(
        List.of(Filter.of("InstanceId", product.instanceId())), 0L, 10L, null)));
    assertThat(list.totalCount()).isEqualTo(1);
    assertThat(list.data()).singleElement().satisfies(item -> {
      assertThat(item.instanceId()).isEqualTo(product.instanceId());
      assertThat(item.instanceName()).isEqualTo(i.instanceName());
      assertThat(item.createTime()).as("milliseconds").isGreaterThan(i.createdTime() * 999);
    });
  }

  @Test
  void instanceIsCreatedModifiedAndDeletedAndThenMissing() throws Exception {
    String name = unique("sdk-");
    String id = await(trocket.createMQTTInstance(new CreateMQTTInstanceRequest("BASIC", name, "first"))).instanceId();
    assertThat(id).matches("mqtt-[a-z0-9]{8}");

    DescribeMQTTInstanceListResponse byName = await(trocket.describeMQTTInstanceList(
        new DescribeMQTTInstanceListRequest(List.of(Filter.of("InstanceName", name)), null, null, null)));
    assertThat(byName.data()).extracting(i -> i.instanceId()).containsExactly(id);

    await(trocket.modifyMQTTInstance(new ModifyMQTTInstanceRequest(id, name + "-renamed", "second")));
    DescribeMQTTInstanceResponse modified = await(trocket.describeMQTTInstance(new DescribeMQTTInstanceRequest(id)));
    assertThat(modified.instanceName()).isEqualTo(name + "-renamed");
    assertThat(modified.remark()).isEqualTo("second");

    await(trocket.deleteMQTTInstance(new DeleteMQTTInstanceRequest(id)));
    assertApiError(() -> await(trocket.describeMQTTInstance(new DescribeMQTTInstanceRequest(id))),
        "ResourceNotFound.Instance");
  }

  @Test
  void userIsCreatedListedModifiedLogsInAndIsDeleted() throws Exception {
    String username = unique("sdk_user_");
    await(trocket.createMQTTUser(new CreateMQTTUserRequest(product.instanceId(), "for the sdk test", true, true,
        username, "s3cret-" + username)));

    MQTTUserItem created = onlyUser(username);
    assertThat(created.permRead()).isTrue();
    assertThat(created.permWrite()).isTrue();
    assertThat(created.remark()).isEqualTo("for the sdk test");
    assertThat(created.password()).as("never echoed").isNullOrEmpty();
    assertThat(created.createdTime()).as("seconds").isLessThanOrEqualTo(System.currentTimeMillis() / 1000);

    // a real client logs in with it, naming the instance in the username
    assertThat(product.login(username, "s3cret-" + username)).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);

    await(trocket.modifyMQTTUser(new ModifyMQTTUserRequest(product.instanceId(), username, true, false, "read only")));
    MQTTUserItem modified = onlyUser(username);
    assertThat(modified.permWrite()).isFalse();
    assertThat(modified.remark()).isEqualTo("read only");

    await(trocket.deleteMQTTUser(new DeleteMQTTUserRequest(product.instanceId(), username)));
    DescribeMQTTUserListResponse after = await(trocket.describeMQTTUserList(new DescribeMQTTUserListRequest(
        product.instanceId(), List.of(Filter.of("Username", username)), null, null)));
    assertThat(after.totalCount()).isZero();
    assertThat(after.data()).isEmpty();
    assertThat(product.login(username, "s3cret-" + username)).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
  }

  @Test
  void emptyPasswordIsGeneratedAndReturnedOnce() throws Exception {
    String username = unique("sdk_gen_");
    String password = await(trocket.createMQTTUser(new CreateMQTTUserRequest(product.instanceId(), null, true, true,
        username, ""))).password();

    assertThat(password).isNotBlank();
    assertThat(onlyUser(username).password()).isNullOrEmpty();
    assertThat(product.login(username, password)).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
    await(trocket.deleteMQTTUser(new DeleteMQTTUserRequest(product.instanceId(), username)));
  }

  @Test
  void topicIsCreatedDescribedListedModifiedAndDeleted() throws Exception {
    String topic = unique("sdk/topics/");
    var created = await(trocket.createMQTTTopic(new CreateMQTTTopicRequest(product.instanceId(), topic, "first")));
    assertThat(created.instanceId()).isEqualTo(product.instanceId());
    assertThat(created.topic()).isEqualTo(topic);

    DescribeMQTTTopicResponse described = await(trocket.describeMQTTTopic(
        new DescribeMQTTTopicRequest(product.instanceId(), topic)));
    assertThat(described.remark()).isEqualTo("first");
    assertThat(described.createdTime()).as("seconds").isLessThanOrEqualTo(System.currentTimeMillis() / 1000);

    DescribeMQTTTopicListResponse list = await(trocket.describeMQTTTopicList(new DescribeMQTTTopicListRequest(
        product.instanceId(), List.of(Filter.of("TopicName", topic)), 0L, 20L)));
    assertThat(list.totalCount()).isEqualTo(1);
    assertThat(list.data()).containsExactly(new MQTTTopicItem(product.instanceId(), topic, "first"));

    await(trocket.modifyMQTTTopic(new ModifyMQTTTopicRequest(product.instanceId(), topic, "second")));
    assertThat(await(trocket.describeMQTTTopic(new DescribeMQTTTopicRequest(product.instanceId(), topic))).remark())
        .isEqualTo("second");

    await(trocket.deleteMQTTTopic(new DeleteMQTTTopicRequest(product.instanceId(), topic)));
    assertApiError(() -> await(trocket.describeMQTTTopic(new DescribeMQTTTopicRequest(product.instanceId(), topic))),
        "ResourceNotFound.Topic");
  }

  @Test
  void publicEndpointsNameTheRealMqttListener() throws Exception {
    DescribeMQTTInsPublicEndpointsResponse r = await(trocket.describeMQTTInsPublicEndpoints(
        new DescribeMQTTInsPublicEndpointsRequest(product.instanceId())));

    assertThat(r.instanceId()).isEqualTo(product.instanceId());
    assertThat(r.status()).isEqualTo("NORMAL");
    assertThat(r.endpoints()).extracting(MQTTEndpointItem::port).contains((long) product.mqttPort());
    MQTTEndpointItem tcp = r.endpoints().stream().filter(e -> e.port() == product.mqttPort()).findFirst().orElseThrow();
    assertThat(tcp.url()).endsWith(":" + product.mqttPort());
    // the address a client can use: a real MQTT connection to it works
    Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(unique("sdk-ep-")).serverHost(tcp.host())
        .serverPort(tcp.port().intValue()).buildBlocking();
    client.connect();
    client.disconnect();
  }

  private static MQTTUserItem onlyUser(String username) throws Exception {
    DescribeMQTTUserListResponse list = await(trocket.describeMQTTUserList(new DescribeMQTTUserListRequest(
        product.instanceId(), List.of(Filter.of("Username", username)), 0L, 20L)));
    assertThat(list.totalCount()).isEqualTo(1);
    assertThat(list.data()).hasSize(1);
    assertThat(list.data().get(0).username()).isEqualTo(username);
    return list.data().get(0);
  }
}
