package io.tenantmq.deploy.tencent;

import static io.tenantmq.deploy.tencent.NodeWithTenants.call;
import static io.tenantmq.deploy.tencent.NodeWithTenants.shortId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.tenantmq.deploy.NodeFixture;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-node cluster in one JVM: the SDK calls the first node's gateway while the MQTT client is connected to the
 * second node, so every command has to travel to the node that owns the session.
 */
class MqttCommandsAcrossNodesTest {

  static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir
  static Path firstDir;
  @TempDir
  static Path secondDir;
  static NodeWithTenants it;
  static NodeFixture second;

  @BeforeAll
  static void start() throws Exception {
    it = new NodeWithTenants(firstDir);
    second = it.startAnother(secondDir, "node-mqtt-it-2");
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
    if (it != null) {
      it.close();
    }
  }

  @Test
  void kickThroughTheFirstNodeDisconnectsAClientOfTheSecond() throws Exception {
    String clientId = "far-kick-" + shortId();
    AtomicReference<Throwable> cause = new AtomicReference<>();
    Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(second.mqttPort()).addDisconnectedListener(ctx -> cause.set(ctx.getCause())).buildBlocking();
    client.connectWith().cleanStart(true).send();
    await().atMost(WAIT).until(() -> it.demoClient(clientId) != null);

    call(it.tenantA, "KickOutClient", new JsonObject().put("InstanceId", it.demoInstance).put("ClientId", clientId));

    await().atMost(WAIT).until(() -> cause.get() != null);
    assertThat(((Mqtt5DisconnectException) cause.get()).getMqttMessage().getReasonCode())
        .isEqualTo(Mqtt5DisconnectReasonCode.ADMINISTRATIVE_ACTION);
  }

  @Test
  void subscriptionAndPublishThroughTheFirstNodeReachAClientOfTheSecond() throws Exception {
    String clientId = "far-sub-" + shortId();
    Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(second.mqttPort()).buildBlocking();
    client.connectWith().cleanStart(true).send();
    try (Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL)) {
      await().atMost(WAIT).until(() -> it.demoClient(clientId) != null);
      call(it.tenantA, "AddClientSubscription", new JsonObject().put("InstanceId", it.demoInstance)
          .put("ClientId", clientId).put("TopicFilter", "far/" + clientId).put("Qos", "1"));
      await().atMost(WAIT).until(() -> it.demoClient(clientId).getJsonArray("MQTTClientSubscriptions").size() == 1);

      call(it.tenantA, "PublishMessage", new JsonObject().put("InstanceId", it.demoInstance)
          .put("TargetTopic", "far/" + clientId).put("Payload", "across"));

      Mqtt5Publish message = received.receive(15, TimeUnit.SECONDS).orElseThrow();
      assertThat(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("across");
      assertThat(message.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
    } finally {
      client.disconnect();
    }
  }
}
