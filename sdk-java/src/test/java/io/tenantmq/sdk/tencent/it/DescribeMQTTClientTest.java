package io.tenantmq.sdk.tencent.it;

import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static io.tenantmq.sdk.tencent.it.ApiErrors.apiError;
import static io.tenantmq.sdk.tencent.it.ApiErrors.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.sdk.it.TenantMqUnderTest;
import io.tenantmq.sdk.tencent.TencentApiException;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientResponse;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.MQTTClientSubscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DescribeMQTTClient (2023-03-08) through TencentStyleClient, about a real MQTT 5 client of the product. */
class DescribeMQTTClientTest {

  /** The node flushes connection counters into the registry every 5 s. */
  static final Duration COUNTERS_FLUSHED = Duration.ofSeconds(20);

  static TenantMqUnderTest product;
  static Mqtt5BlockingClient device;
  static String clientId;
  static String topic;
  static long before;

  @BeforeAll
  static void connectADevice() throws Exception {
    product = TenantMqUnderTest.shared();
    clientId = "sdk-it-" + UUID.randomUUID().toString().substring(0, 8);
    topic = "sdk/it/" + clientId;
    before = System.currentTimeMillis();
    device = product.connect(clientId, true, 0);
    device.subscribeWith().topicFilter(topic + "/#").qos(MqttQos.AT_LEAST_ONCE).send();
    for (MqttQos qos : new MqttQos[] {MqttQos.AT_LEAST_ONCE, MqttQos.AT_LEAST_ONCE, MqttQos.AT_MOST_ONCE}) {
      device.publishWith().topic(topic + "/up").qos(qos).payload("hi".getBytes(StandardCharsets.UTF_8)).send();
    }
  }

  @AfterAll
  static void disconnect() {
    device.disconnect();
  }

  static DescribeMQTTClientResponse describe(String instanceId, String id) throws Exception {
    return await(product.client.trocket().describeMQTTClient(new DescribeMQTTClientRequest(instanceId, id)));
  }

  @Test
  void connectedClientIsDescribedWithEveryFieldAndItsTrafficInBothDirections() throws Exception {
    DescribeMQTTClientResponse r = await().atMost(COUNTERS_FLUSHED).until(() -> describe(product.instanceId(), clientId),
        d -> d.outBound().count("PUBLISH") == 3 && d.inbound().count("PUBLISH") == 3);
    long after = System.currentTimeMillis();

    assertThat(r.clientId()).isEqualTo(clientId);
    assertThat(r.clientAddress()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(r.protocolVersion()).isEqualTo(5L);
    assertThat(r.keepalive()).isEqualTo(30L);
    assertThat(r.connectionStatus()).isEqualTo("CONNECTED");
    assertThat(r.createTime()).isBetween(before, after);
    assertThat(r.connectTime()).isBetween(before, after);
    assertThat(r.disconnectTime()).isZero();
    assertThat(r.cleanSession()).isTrue();
    assertThat(r.mqttClientSubscriptions()).containsExactly(new MQTTClientSubscription(topic + "/#", 1L));
    // OutBound: what the client sent
    assertThat(r.outBound().count("CONNECT")).isEqualTo(1);
    assertThat(r.outBound().count("SUBSCRIBE")).isEqualTo(1);
    assertThat(r.outBound().count("PUBLISH", 1)).isEqualTo(2);
    assertThat(r.outBound().count("PUBLISH", 0)).isEqualTo(1);
    assertThat(r.outBound().bytes()).isPositive();
    // Inbound: what the server sent, its own messages back through the subscription at the granted QoS
    assertThat(r.inbound().count("CONNACK")).isEqualTo(1);
    assertThat(r.inbound().count("SUBACK")).isEqualTo(1);
    assertThat(r.inbound().count("PUBACK")).isEqualTo(2);
    assertThat(r.inbound().count("PUBLISH", 1)).isEqualTo(2);
    assertThat(r.inbound().count("PUBLISH", 0)).isEqualTo(1);
    assertThat(r.inbound().bytes()).isPositive();
    assertThat(r.requestId()).isNotBlank();
  }

  @Test
  void persistentSessionOfAGoneClientIsDisconnectedWithItsDisconnectTime() throws Exception {
    String id = clientId + "-p";
    Mqtt5BlockingClient persistent = product.connect(id, false, 300);
    persistent.disconnect();

    DescribeMQTTClientResponse r = await().atMost(Duration.ofSeconds(10))
        .until(() -> describe(product.instanceId(), id), d -> "DISCONNECTED".equals(d.connectionStatus()));

    assertThat(r.cleanSession()).isFalse();
    assertThat(r.disconnectTime()).isBetween(r.connectTime(), System.currentTimeMillis());
  }

  @Test
  void unknownClientIsResourceNotFoundClient() {
    assertApiError(() -> describe(product.instanceId(), "nobody-" + UUID.randomUUID()), "ResourceNotFound.Client");
  }

  @Test
  void instanceOfAnotherTenantLooksExactlyLikeAMissingOne() throws Exception {
    String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
    await(product.control().tenants().createTenantIfAbsent(new Tenant(other, other, 0)).toCompletableFuture());
    await(product.control().tenants().createInstanceIfAbsent(
        new Instance(other, other, other, true, System.currentTimeMillis())).toCompletableFuture());

    TencentApiException foreign = apiError(() -> describe(other, clientId));
    TencentApiException missing = apiError(() -> describe("missing-" + other, clientId));

    assertThat(foreign.code()).isEqualTo("ResourceNotFound.Instance").isEqualTo(missing.code());
    assertThat(foreign.getMessage().replace(other, "X")).isEqualTo(missing.getMessage().replace("missing-" + other, "X"));
  }
}
