package io.tenantmq.sdk.tencent.it;

import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static io.tenantmq.sdk.tencent.it.ApiErrors.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.tenantmq.sdk.it.TenantMqUnderTest;
import io.tenantmq.sdk.tencent.mqtt.MqttApi;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.AddClientSubscriptionRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DeleteClientSubscriptionRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.DescribeClientListRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.KickOutClientRequest;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.MQTTClientInfo;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.MQTTClientSubscription;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.PublishMessageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The 2024-05-16 actions that act on a live connection (kick, subscribe on behalf, publish), with real clients. */
class MqttClientCommandsTest {

  static final Duration SOON = Duration.ofSeconds(10);

  static TenantMqUnderTest product;
  static MqttApi mqtt;

  @BeforeAll
  static void start() throws Exception {
    product = TenantMqUnderTest.shared();
    mqtt = product.client.mqtt();
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void publishMessageReachesASubscriberPlainAndBase64() throws Exception {
    String topic = unique("sdk/pub/");
    Mqtt5BlockingClient subscriber = product.connect(unique("sdk-sub-"), true, 0);
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();

      await(mqtt.publishMessage(PublishMessageRequest.toTopic(product.instanceId(), topic, "hello from the sdk", 1)));
      await(mqtt.publishMessage(new PublishMessageRequest(product.instanceId(),
          Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 0xff}), topic, null, "base64", 0L, false)));

      Mqtt5Publish plain = publishes.receive(10, TimeUnit.SECONDS).orElseThrow();
      assertThat(plain.getTopic().toString()).isEqualTo(topic);
      assertThat(new String(plain.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("hello from the sdk");
      assertThat(plain.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
      Mqtt5Publish binary = publishes.receive(10, TimeUnit.SECONDS).orElseThrow();
      assertThat(binary.getPayloadAsBytes()).containsExactly(0, 1, 2, 0xff);
    } finally {
      subscriber.disconnect();
    }
  }

  @Test
  void subscriptionAddedOnBehalfDeliversAndDeletingItStops() throws Exception {
    String clientId = unique("sdk-onbehalf-");
    String filter = "sdk/behalf/" + clientId + "/#";
    Mqtt5BlockingClient device = product.connect(clientId, true, 0);
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes = device.publishes(MqttGlobalPublishFilter.ALL)) {
      await(mqtt.addClientSubscription(new AddClientSubscriptionRequest(product.instanceId(), clientId, filter, "1")));

      assertThat(await().atMost(SOON).until(() -> info(clientId).mqttClientSubscriptions(), s -> !s.isEmpty()))
          .extracting(MQTTClientSubscription::topicFilter, MQTTClientSubscription::qos)
          .containsExactly(tuple(filter, 1L));
      await(mqtt.publishMessage(PublishMessageRequest.toTopic(product.instanceId(),
          "sdk/behalf/" + clientId + "/cmd", "on", 1)));
      assertThat(new String(publishes.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes(),
          StandardCharsets.UTF_8)).isEqualTo("on");

      await(mqtt.deleteClientSubscription(new DeleteClientSubscriptionRequest(product.instanceId(), clientId, filter)));
      await().atMost(SOON).until(() -> info(clientId).mqttClientSubscriptions(), List::isEmpty);
      await(mqtt.publishMessage(PublishMessageRequest.toTopic(product.instanceId(),
          "sdk/behalf/" + clientId + "/cmd", "off", 1)));
      assertThat(publishes.receive(1, TimeUnit.SECONDS)).isEqualTo(Optional.empty());
    } finally {
      device.disconnect();
    }
  }

  @Test
  void kickOutClientDisconnectsItAndTheSecondKickFindsNoClient() throws Exception {
    String clientId = unique("sdk-kick-");
    Mqtt5BlockingClient device = product.connect(clientId, true, 0);

    await(mqtt.kickOutClient(new KickOutClientRequest(product.instanceId(), clientId, false)));

    await().atMost(SOON).until(() -> !device.getState().isConnected());
    assertApiError(() -> await(mqtt.kickOutClient(new KickOutClientRequest(product.instanceId(), clientId, false))),
        "ResourceNotFound.Client");
  }

  @Test
  void subscribingAnUnknownClientIsResourceNotFoundClient() {
    assertApiError(() -> await(mqtt.addClientSubscription(new AddClientSubscriptionRequest(product.instanceId(),
        unique("nobody-"), "a/#", "0"))), "ResourceNotFound.Client");
  }

  private static MQTTClientInfo info(String clientId) throws Exception {
    return await(mqtt.describeClientList(new DescribeClientListRequest(product.instanceId(), clientId, null, null,
        null))).clients().get(0);
  }
}
