package io.tenantmq.deploy.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.tencentcloudapi.common.CommonClient;
import io.tenantmq.control.credential.IssuedCredential;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DescribeMQTTClient through the official SDK, about real MQTT clients (HiveMQ) connected to the demo instance
 * (anonymous from loopback), subscribed and publishing: every field, the traffic counters in both directions, and
 * the times before and after a disconnect.
 */
class DescribeMQTTClientSdkTest {

  static ProductNode product;
  static CommonClient sdk;
  static String instanceId;

  @BeforeAll
  static void start() throws Exception {
    product = ProductNode.shared();
    instanceId = product.node.demo().instanceId();
    IssuedCredential credential = product.credential(product.node.demo().tenantId());
    sdk = product.sdk(credential);
  }

  static JsonNode describe(String clientId) {
    return Sdk.call(sdk, "DescribeMQTTClient", Map.of("InstanceId", instanceId, "ClientId", clientId));
  }

  @Test
  void persistentClientIsDescribedWhileConnectedAndAfterItDisconnects() throws Exception {
    String clientId = "sdk-sub-" + UUID.randomUUID().toString().substring(0, 8);
    Mqtt3AsyncClient client = MqttClient.builder().useMqttVersion3().identifier(clientId)
        .serverHost("127.0.0.1").serverPort(product.mqttPort).buildAsync();
    List<String> received = new CopyOnWriteArrayList<>();
    client.publishes(MqttGlobalPublishFilter.ALL, p -> received.add(p.getTopic().toString()));
    long beforeConnect = System.currentTimeMillis();
    client.connectWith().cleanSession(false).keepAlive(30).send().get(10, TimeUnit.SECONDS);
    long afterConnect = System.currentTimeMillis();
    client.subscribeWith()
        .addSubscription().topicFilter("sdk/t/+").qos(MqttQos.AT_LEAST_ONCE).applySubscription()
        .addSubscription().topicFilter("sdk/x").qos(MqttQos.AT_MOST_ONCE).applySubscription()
        .send().get(10, TimeUnit.SECONDS);
    for (int i = 0; i < 2; i++) {
      client.publishWith().topic("sdk/t/a").qos(MqttQos.AT_LEAST_ONCE).payload("one".getBytes(StandardCharsets.UTF_8))
          .send().get(10, TimeUnit.SECONDS);
    }
    client.publishWith().topic("sdk/x").qos(MqttQos.AT_MOST_ONCE).payload("zero".getBytes(StandardCharsets.UTF_8))
        .send().get(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);

    // counters reach the registry every few seconds
    JsonNode live = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
        .until(() -> describe(clientId), r -> r.at("/OutBound/Items").size() == 5 && r.at("/Inbound/Items").size() == 5);
    assertThat(live.get("ClientId").asText()).isEqualTo(clientId);
    assertThat(live.get("ClientAddress").asText()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(live.get("ProtocolVersion").asLong()).isEqualTo(4);
    assertThat(live.get("Keepalive").asLong()).isEqualTo(30);
    assertThat(live.get("ConnectionStatus").asText()).isEqualTo("CONNECTED");
    assertThat(live.get("CreateTime").asLong()).isBetween(beforeConnect, afterConnect);
    assertThat(live.get("ConnectTime").asLong()).isBetween(beforeConnect, afterConnect);
    assertThat(live.get("DisconnectTime").asLong()).isZero();
    assertThat(live.get("CleanSession").asBoolean()).isFalse();
    assertThat(live.get("MQTTClientSubscriptions")).isEqualTo(Sdk.JSON.readTree(
        "[{\"TopicFilter\":\"sdk/t/+\",\"Qos\":1},{\"TopicFilter\":\"sdk/x\",\"Qos\":0}]"));
    // client → server: CONNECT, SUBSCRIBE, two QoS 1 and one QoS 0 PUBLISH, PUBACKs of the two QoS 1 deliveries
    assertThat(items(live.get("OutBound"))).containsExactlyInAnyOrder(
        "CONNECT/0/1", "PUBLISH/0/1", "PUBLISH/1/2", "PUBACK/0/2", "SUBSCRIBE/0/1");
    // server → client: CONNACK, SUBACK, the three deliveries, PUBACKs of the client's two QoS 1 publishes
    assertThat(items(live.get("Inbound"))).containsExactlyInAnyOrder(
        "CONNACK/0/1", "PUBLISH/0/1", "PUBLISH/1/2", "PUBACK/0/2", "SUBACK/0/1");
    // the client sent its id, two filters and three payloads; the server sent three payloads and short acks
    assertThat(live.at("/OutBound/Bytes").asLong()).isGreaterThan(live.at("/Inbound/Bytes").asLong());
    assertThat(live.at("/Inbound/Bytes").asLong()).isPositive();
    assertThat(live.get("RequestId").asText()).isNotBlank();

    long beforeDisconnect = System.currentTimeMillis();
    client.disconnect().get(10, TimeUnit.SECONDS);
    JsonNode gone = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
        .until(() -> describe(clientId), r -> r.get("ConnectionStatus").asText().equals("DISCONNECTED"));
    assertThat(gone.get("DisconnectTime").asLong()).isBetween(beforeDisconnect, System.currentTimeMillis());
    assertThat(gone.get("ConnectTime").asLong()).isEqualTo(live.get("ConnectTime").asLong());
    assertThat(gone.get("CreateTime").asLong()).isEqualTo(live.get("CreateTime").asLong());
    assertThat(gone.get("MQTTClientSubscriptions").size()).isEqualTo(2);
    assertThat(gone.get("CleanSession").asBoolean()).isFalse();
  }

  @Test
  void cleanMqtt5ClientHasNoDisconnectTimeAndIsGoneAfterItLeaves() {
    String clientId = "sdk-v5-" + UUID.randomUUID().toString().substring(0, 8);
    Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(clientId)
        .serverHost("127.0.0.1").serverPort(product.mqttPort).buildBlocking();
    client.connectWith().cleanStart(true).keepAlive(45).send();
    client.subscribeWith().topicFilter("sdk/v5/#").qos(MqttQos.EXACTLY_ONCE).send();
    JsonNode live = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
        .until(() -> describe(clientId), r -> r.get("MQTTClientSubscriptions").size() == 1);
    assertThat(live.get("ProtocolVersion").asLong()).isEqualTo(5);
    assertThat(live.get("Keepalive").asLong()).isEqualTo(45);
    assertThat(live.get("CleanSession").asBoolean()).isTrue();
    assertThat(live.get("DisconnectTime").asLong()).isZero();
    assertThat(live.at("/MQTTClientSubscriptions/0/Qos").asLong()).isEqualTo(2);
    client.disconnect();
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
        Sdk.error(sdk, "DescribeMQTTClient", Map.of("InstanceId", instanceId, "ClientId", clientId)) != null);
  }

  @Test
  void demoCredentialsFileIsAllATenantNeedsToDescribeAClient() throws Exception {
    JsonNode demo = Sdk.JSON.readTree(product.dataDir.resolve("demo-credentials.json").toFile());
    CommonClient demoSdk = product.sdk(demo.at("/tencent/secretId").asText(), demo.at("/tencent/secretKey").asText(),
        "2023-03-08");
    String clientId = "tour-" + UUID.randomUUID().toString().substring(0, 8);
    Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(clientId)
        .serverHost("127.0.0.1").serverPort(product.mqttPort).buildBlocking();
    client.connect();
    try {
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
        JsonNode r = Sdk.call(demoSdk, "DescribeMQTTClient",
            Map.of("InstanceId", demo.get("instanceId").asText(), "ClientId", clientId));
        assertThat(r.get("ConnectionStatus").asText()).isEqualTo("CONNECTED");
        assertThat(r.get("ClientId").asText()).isEqualTo(clientId);
      });
    } finally {
      client.disconnect();
    }
  }

  @Test
  void unknownClientIsResourceNotFoundClient() {
    var e = Sdk.error(sdk, "DescribeMQTTClient", Map.of("InstanceId", instanceId, "ClientId", "nobody-here"));
    assertThat(e.getErrorCode()).isEqualTo("ResourceNotFound.Client");
    assertThat(e.getMessage()).contains("nobody-here");
    assertThat(e.getRequestId()).isNotBlank();
  }

  static List<String> items(JsonNode report) {
    return java.util.stream.StreamSupport.stream(report.get("Items").spliterator(), false)
        .map(i -> i.get("MessageType").asText() + "/" + i.get("Qos").asLong() + "/" + i.get("Count").asLong())
        .toList();
  }
}
