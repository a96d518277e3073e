package io.tenantmq.sdk.emqx.it;

import static io.tenantmq.sdk.emqx.it.EmqxErrors.apiError;
import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.tenantmq.sdk.emqx.EmqxApiException;
import io.tenantmq.sdk.emqx.EmqxStyleClient;
import io.tenantmq.sdk.emqx.MessageProperties;
import io.tenantmq.sdk.emqx.PublishMessage;
import io.tenantmq.sdk.emqx.PublishResult;
import io.tenantmq.sdk.it.TenantMqUnderTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code EmqxStyleClient.publish()}: what a real HiveMQ MQTT 5 subscriber receives, and the answers without one. */
class PublishTest {

  static TenantMqUnderTest product;
  static EmqxStyleClient emqx;

  @BeforeAll
  static void start() throws Exception {
    product = TenantMqUnderTest.shared();
    emqx = product.emqxClient(product.node.demo().tenantId(), product.instanceId());
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  static Mqtt5BlockingClient subscriber(String filter) {
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(unique("sdk-sub-")).serverHost("127.0.0.1")
        .serverPort(product.mqttPort()).buildBlocking();
    c.connect();
    c.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
    return c;
  }

  @Test
  void aMessageWithPropertiesReachesTheSubscriberAndAnswersItsId() throws Exception {
    String topic = unique("sdk/pub/");
    Mqtt5BlockingClient sub = subscriber(topic);
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes = sub.publishes(MqttGlobalPublishFilter.ALL)) {
      PublishResult result = await(emqx.publish().publish(PublishMessage.text(topic, "héllo", 1)
          .withProperties(new MessageProperties(1, 300L, "sdk/reply", "corr-1", Map.of("k", "v"), "text/plain"))));

      assertThat(result.delivered()).isTrue();
      assertThat(result.id()).matches("[0-9A-F]{32}");
      Mqtt5Publish received = publishes.receive(10, TimeUnit.SECONDS).orElseThrow();
      assertThat(new String(received.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("héllo");
      assertThat(received.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
      assertThat(received.getContentType().orElseThrow().toString()).isEqualTo("text/plain");
      assertThat(received.getResponseTopic().orElseThrow().toString()).isEqualTo("sdk/reply");
      assertThat(StandardCharsets.UTF_8.decode(received.getCorrelationData().orElseThrow()).toString())
          .isEqualTo("corr-1");
      assertThat(received.getUserProperties().asList()).anySatisfy(p -> {
        assertThat(p.getName().toString()).isEqualTo("k");
        assertThat(p.getValue().toString()).isEqualTo("v");
      });
      assertThat(received.getMessageExpiryInterval()).isPresent();
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void bytesTravelBase64AndArriveAsTheyWere() throws Exception {
    String topic = unique("sdk/bin/");
    Mqtt5BlockingClient sub = subscriber(topic);
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes = sub.publishes(MqttGlobalPublishFilter.ALL)) {
      byte[] bytes = {0, 1, 2, (byte) 0xfe, (byte) 0xff};
      assertThat(await(emqx.publish().publish(PublishMessage.bytes(topic, bytes, 0))).delivered()).isTrue();
      assertThat(publishes.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes()).isEqualTo(bytes);
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void noSubscriberIsAResultWithReasonCode16NotAnError() throws Exception {
    PublishResult result = await(emqx.publish().publish(PublishMessage.text(unique("sdk/nobody/"), "x", 0)));

    assertThat(result.delivered()).isFalse();
    assertThat(result.reasonCode()).isEqualTo(PublishResult.NO_MATCHING_SUBSCRIBERS);
    assertThat(result.message()).isEqualTo("no_matching_subscribers");
  }

  @Test
  void anInvalidTopicIs400WithMqttReasonCode144() {
    EmqxApiException e = apiError(() -> await(emqx.publish().publish(PublishMessage.text("a/+/b", "x", 0))));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.reasonCode()).isEqualTo(144);
    assertThat(e.code()).isEqualTo(EmqxApiException.PUBLISH_ERROR);
  }

  @Test
  void bulkAnswersOneResultPerMessageInOrder() throws Exception {
    String topic = unique("sdk/bulk/");
    Mqtt5BlockingClient sub = subscriber(topic);
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes = sub.publishes(MqttGlobalPublishFilter.ALL)) {
      List<PublishResult> results = await(emqx.publish().publishAll(List.of(PublishMessage.text(topic, "1", 1),
          PublishMessage.text(unique("sdk/nobody/"), "2", 1), PublishMessage.text(topic, "3", 1))));

      assertThat(results).extracting(PublishResult::delivered).containsExactly(true, false, true);
      assertThat(results.get(1).reasonCode()).isEqualTo(16);
      assertThat(new String(publishes.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes(),
          StandardCharsets.UTF_8)).isEqualTo("1");
      assertThat(new String(publishes.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes(),
          StandardCharsets.UTF_8)).isEqualTo("3");
    } finally {
      sub.disconnect();
    }
  }
}
