package io.tenantmq.sdk.tencent.it;

import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static io.tenantmq.sdk.tencent.it.ApiErrors.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.tenantmq.sdk.it.TenantMqUnderTest;
import io.tenantmq.sdk.tencent.Filter;
import io.tenantmq.sdk.tencent.mqtt.MqttApi;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.CreateTopicRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.CreateTopicResponse;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.CreateUserRequest;
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
import io.tenantmq.sdk.tencent.mqtt.MqttModels.MQTTClientInfo;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.MQTTTopicItem;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.MQTTUserItem;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client, instance, user and topic reads and writes of 2024-05-16 through TencentStyleClient, against the product. */
class MqttManagementTest {

  static TenantMqUnderTest product;
  static MqttApi mqtt;
  static Mqtt5BlockingClient device;
  static String clientId;

  @BeforeAll
  static void connectADevice() throws Exception {
    product = TenantMqUnderTest.shared();
    mqtt = product.client.mqtt();
    clientId = unique("sdk-v5-");
    device = product.connect(clientId, false, 600);
    device.subscribeWith().topicFilter("sdk/v5/" + clientId + "/#").qos(MqttQos.EXACTLY_ONCE).send();
  }

  @AfterAll
  static void disconnect() {
    device.disconnect();
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void describeClientListShowsTheConnectedClientWithItsSession() throws Exception {
    long now = System.currentTimeMillis();
    MQTTClientInfo c = await().atMost(Duration.ofSeconds(10)).until(() -> await(mqtt.describeClientList(
            new DescribeClientListRequest(product.instanceId(), clientId, null, null, null))).clients(),
        clients -> clients.size() == 1 && !clients.get(0).mqttClientSubscriptions().isEmpty()).get(0);

    assertThat(c.clientId()).isEqualTo(clientId);
    assertThat(c.clientAddress()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(c.protocolVersion()).isEqualTo(5L);
    assertThat(c.keepalive()).isEqualTo(30L);
    assertThat(c.connectionStatus()).isEqualTo("CONNECTED");
    assertThat(c.connectTime()).as("milliseconds").isBetween(now - 600_000, now);
    assertThat(c.cleanSession()).isFalse();
    assertThat(c.expireIntervalInSeconds()).isEqualTo(600L);
    assertThat(c.mqttClientSubscriptions()).singleElement().satisfies(s -> {
      assertThat(s.topicFilter()).isEqualTo("sdk/v5/" + clientId + "/#");
      assertThat(s.qos()).isEqualTo(2L);
    });
  }

  @Test
  void onlineClientsListIncludesTheDeviceAndNoneIsTooManyToList() throws Exception {
    DescribeClientListResponse online = await(mqtt.describeClientList(
        new DescribeClientListRequest(product.instanceId(), null, "1024", 1L, null)));

    assertThat(online.clients()).extracting(MQTTClientInfo::clientId).contains(clientId);
    assertThat(online.clients()).allSatisfy(c -> assertThat(c.connectionStatus()).isEqualTo("CONNECTED"));
    assertThat(online.requestId()).isNotBlank();
  }

  @Test
  void instanceIsDescribedAndListedByItsId() throws Exception {
    DescribeInstanceResponse i = await(mqtt.describeInstance(new DescribeInstanceRequest(product.instanceId())));
    assertThat(i.instanceId()).isEqualTo(product.instanceId());
    assertThat(i.instanceName()).isNotBlank();
    assertThat(i.instanceStatus()).isNotBlank();
    assertThat(i.clientNumLimit()).isPositive();
    assertThat(i.requestId()).isNotBlank();

    DescribeInstanceListResponse list = await(mqtt.describeInstanceList(new DescribeInstanceListRequest(
        List.of(Filter.of("InstanceId", product.instanceId())), 0L, 10L, null)));
    assertThat(list.totalCount()).isEqualTo(1);
    assertThat(list.data()).singleElement().satisfies(item -> {
      assertThat(item.instanceId()).isEqualTo(product.instanceId());
      assertThat(item.instanceName()).isEqualTo(i.instanceName());
    });
  }

  @Test
  void unknownInstanceIsResourceNotFound() {
    assertApiError(() -> await(mqtt.describeInstance(new DescribeInstanceRequest("mqtt-nothere"))),
        "ResourceNotFound.Instance");
  }

  @Test
  void userIsCreatedListedAndDeleted() throws Exception {
    String username = unique("sdk_");
    await(mqtt.createUser(new CreateUserRequest(product.instanceId(), username, "pw_" + username, "v5 user")));

    DescribeUserListResponse list = await(mqtt.describeUserList(new DescribeUserListRequest(product.instanceId(),
        List.of(Filter.of("Username", username)), 0L, 20L)));
    assertThat(list.totalCount()).isEqualTo(1);
    MQTTUserItem user = list.data().get(0);
    assertThat(user.username()).isEqualTo(username);
    assertThat(user.remark()).isEqualTo("v5 user");
    assertThat(user.password()).as("never echoed").isNullOrEmpty();
    assertThat(user.createdTime()).as("milliseconds").isGreaterThan(1_000_000_000_000L);

    await(mqtt.deleteUser(new DeleteUserRequest(product.instanceId(), username)));
    assertThat(await(mqtt.describeUserList(new DescribeUserListRequest(product.instanceId(),
        List.of(Filter.of("Username", username)), null, null))).totalCount()).isZero();
  }

  @Test
  void userCreatedThroughTheApiLogsInWithItsPasswordOnlyUntilDeleted() throws Exception {
    String username = unique("sdk_login_");
    await(mqtt.createUser(new CreateUserRequest(product.instanceId(), username, "pw_" + username, null)));

    assertThat(product.login(username, "pw_" + username)).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
    assertThat(product.login(username, "wrong")).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);

    await(mqtt.deleteUser(new DeleteUserRequest(product.instanceId(), username)));
    assertThat(product.login(username, "pw_" + username)).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
  }

  @Test
  void topicIsCreatedListedAndDeleted() throws Exception {
    String topic = unique("sdk_topic_");
    CreateTopicResponse created = await(mqtt.createTopic(new CreateTopicRequest(product.instanceId(), topic, "v5")));
    assertThat(created.instanceId()).isEqualTo(product.instanceId());
    assertThat(created.topic()).isEqualTo(topic);

    DescribeTopicListResponse list = await(mqtt.describeTopicList(new DescribeTopicListRequest(product.instanceId(),
        List.of(Filter.of("TopicName", topic)), 0L, 20L)));
    assertThat(list.totalCount()).isEqualTo(1);
    assertThat(list.data()).containsExactly(new MQTTTopicItem(product.instanceId(), topic, "v5"));

    await(mqtt.deleteTopic(new DeleteTopicRequest(product.instanceId(), topic)));
    assertThat(await(mqtt.describeTopicList(new DescribeTopicListRequest(product.instanceId(),
        List.of(Filter.of("TopicName", topic)), null, null))).data()).isEmpty();
  }
}
