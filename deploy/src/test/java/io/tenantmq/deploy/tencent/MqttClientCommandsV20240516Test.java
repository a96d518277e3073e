package io.tenantmq.deploy.tencent;

import static io.tenantmq.deploy.tencent.NodeWithTenants.call;
import static io.tenantmq.deploy.tencent.NodeWithTenants.errorOf;
import static io.tenantmq.deploy.tencent.NodeWithTenants.shortId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mqtt 2024-05-16 actions that act on live connections (KickOutClient, AddClientSubscription,
 * DeleteClientSubscription, PublishMessage), through the official SDK against the whole product, observed by real
 * HiveMQ MQTT 5 and 3.1.1 clients of the demo instance. Each command travels from the gateway through the control
 * plane's node commands to the node that owns the session.
 */
class MqttClientCommandsV20240516Test {

  static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  static Path dataDir;
  static NodeWithTenants it;
  static CommonClient tenantA;
  static String demoInstance;

  private final List<Mqtt5BlockingClient> mqtt5 = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    it = new NodeWithTenants(dataDir);
    tenantA = it.tenantA;
    demoInstance = it.demoInstance;
  }

  @AfterAll
  static void stop() {
    if (it != null) {
      it.close();
    }
  }

  @AfterEach
  void disconnectClients() {
    mqtt5.stream().filter(c -> c.getState().isConnected()).forEach(Mqtt5BlockingClient::disconnect);
  }

  // ---- KickOutClient --------------------------------------------------------------------------------------------

  @Test
  void kickOutClientDisconnectsAnMqtt5ClientWithAdministrativeAction() throws Exception {
    String clientId = "kick5-" + shortId();
    AtomicReference<Throwable> cause = new AtomicReference<>();
    Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(it.mqttPort).addDisconnectedListener(ctx -> cause.set(ctx.getCause())).buildBlocking();
    mqtt5.add(client);
    client.connectWith().cleanStart(true).send();

    JsonObject response = call(tenantA, "KickOutClient", clientParams(clientId));

    assertThat(response.getString("RequestId")).isNotBlank();
    await().atMost(WAIT).until(() -> cause.get() != null);
    assertThat(cause.get()).isInstanceOf(Mqtt5DisconnectException.class);
    assertThat(((Mqtt5DisconnectException) cause.get()).getMqttMessage().getReasonCode())
        .isEqualTo(Mqtt5DisconnectReasonCode.ADMINISTRATIVE_ACTION);
    await().atMost(WAIT).until(() -> it.demoClient(clientId) == null); // a clean session ends with its connection
  }

  @Test
  void kickOutClientDisconnectsAnMqtt311Client() throws Exception {
    String clientId = "kick3-" + shortId();
    Mqtt3BlockingClient client = Mqtt3Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(it.mqttPort).buildBlocking();
    client.connectWith().cleanSession(true).send();

    call(tenantA, "KickOutClient", clientParams(clientId));

    await().atMost(WAIT).until(() -> !client.getState().isConnected());
  }

  @Test
  void kickOutOfAnUnknownOrOfflineClientIsResourceNotFoundClient() throws Exception {
    TencentCloudSDKException unknown = errorOf(tenantA, "KickOutClient", clientParams("nobody-" + shortId()));
    assertThat(unknown.getErrorCode()).isEqualTo("ResourceNotFound.Client");

    String clientId = "offline-" + shortId();
    Mqtt5BlockingClient persistent = client(clientId);
    persistent.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
    persistent.disconnect();
    await().atMost(WAIT).until(() -> it.demoClient(clientId), c -> c != null
        && c.getString("ConnectionStatus").equals("DISCONNECTED"));

    assertThat(errorOf(tenantA, "KickOutClient", clientParams(clientId)).getErrorCode())
        .isEqualTo("ResourceNotFound.Client");
  }

  @Test
  void kickOutKeepsAPersistentSessionUnlessDeleteSessionIsTrue() throws Exception {
    String tag = shortId();
    String kept = "kept-" + tag;
    String deleted = "deleted-" + tag;
    for (String clientId : List.of(kept, deleted)) {
      Mqtt5BlockingClient client = client(clientId);
      client.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
      client.subscribeWith().topicFilter("session/" + clientId).qos(MqttQos.AT_LEAST_ONCE).send();
      await().atMost(WAIT).until(() -> it.demoClient(clientId).getJsonArray("MQTTClientSubscriptions").size() == 1);
    }

    call(tenantA, "KickOutClient", clientParams(kept).put("DeleteSession", false));
    call(tenantA, "KickOutClient", clientParams(deleted).put("DeleteSession", true));

    JsonObject keptInfo = await().atMost(WAIT).until(() -> it.demoClient(kept), c -> c != null
        && c.getString("ConnectionStatus").equals("DISCONNECTED"));
    assertThat(keptInfo.getLong("DisconnectTime")).isPositive();
    assertThat(keptInfo.getJsonArray("MQTTClientSubscriptions")).hasSize(1);
    await().atMost(WAIT).until(() -> it.demoClient(deleted) == null);

    // back within the expiry interval: the kept session still subscribes, the deleted one no longer does
    Mqtt5BlockingClient again = client(deleted);
    again.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
    JsonObject deletedInfo = await().atMost(WAIT).until(() -> it.demoClient(deleted), c -> c != null);
    assertThat(deletedInfo.getJsonArray("MQTTClientSubscriptions")).isEmpty();
  }

  @Test
  void anotherTenantCannotKickAClient() throws Exception {
    String clientId = "guarded-" + shortId();
    Mqtt5BlockingClient client = client(clientId);
    client.connectWith().cleanStart(true).send();

    TencentCloudSDKException e = errorOf(it.tenantB, "KickOutClient", clientParams(clientId));

    assertThat(e.getErrorCode()).isEqualTo("ResourceNotFound.Instance");
    assertThat(client.getState().isConnected()).isTrue();
    assertThat(it.demoClient(clientId).getString("ConnectionStatus")).isEqualTo("CONNECTED");
  }

  // ---- subscriptions and PublishMessage -------------------------------------------------------------------------

  @Test
  void addedSubscriptionReceivesPublishedMessagesUntilItIsDeleted() throws Exception {
    String clientId = "subbed-" + shortId();
    Mqtt5BlockingClient client = client(clientId);
    client.connectWith().cleanStart(true).send();
    try (Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL)) {
      String filter = "cmd/" + clientId + "/+";
      call(tenantA, "AddClientSubscription", clientParams(clientId).put("TopicFilter", filter).put("Qos", "1"));
      JsonObject info = await().atMost(WAIT).until(() -> it.demoClient(clientId),
          c -> c.getJsonArray("MQTTClientSubscriptions").size() == 1);
      assertThat(info.getJsonArray("MQTTClientSubscriptions").getJsonObject(0).getMap())
          .containsEntry("TopicFilter", filter).containsEntry("Qos", 1);

      call(tenantA, "PublishMessage", new JsonObject().put("InstanceId", demoInstance)
          .put("TargetTopic", "cmd/" + clientId + "/a").put("Payload", "hello"));
      Mqtt5Publish plain = received.receive(10, TimeUnit.SECONDS).orElseThrow();
      assertThat(plain.getTopic().toString()).isEqualTo("cmd/" + clientId + "/a");
      assertThat(new String(plain.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
      assertThat(plain.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE); // Qos defaults to 1

      byte[] binary = {0, 1, (byte) 0xfe, (byte) 0xff};
      call(tenantA, "PublishMessage", new JsonObject().put("InstanceId", demoInstance)
          .put("TargetTopic", "cmd/" + clientId + "/b").put("Payload", Base64.getEncoder().encodeToString(binary))
          .put("Encoding", "base64").put("Qos", 0));
      Mqtt5Publish decoded = received.receive(10, TimeUnit.SECONDS).orElseThrow();
      assertThat(decoded.getPayloadAsBytes()).isEqualTo(binary);
      assertThat(decoded.getQos()).isEqualTo(MqttQos.AT_MOST_ONCE);

      call(tenantA, "DeleteClientSubscription", clientParams(clientId).put("TopicFilter", filter));
      await().atMost(WAIT).until(() -> it.demoClient(clientId).getJsonArray("MQTTClientSubscriptions").isEmpty());
      client.subscribeWith().topicFilter("own/" + clientId).qos(MqttQos.AT_LEAST_ONCE).send();
      call(tenantA, "PublishMessage", new JsonObject().put("InstanceId", demoInstance)
          .put("TargetTopic", "cmd/" + clientId + "/a").put("Payload", "after delete"));
      call(tenantA, "PublishMessage", new JsonObject().put("InstanceId", demoInstance)
          .put("TargetTopic", "own/" + clientId).put("Payload", "marker"));
      // the marker was published last: had the deleted subscription still matched, its message would come first
      Mqtt5Publish next = received.receive(10, TimeUnit.SECONDS).orElseThrow();
      assertThat(new String(next.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("marker");
    }
  }

  @Test
  void retainedPublishMessageReachesALaterSubscriber() throws Exception {
    String topic = "retained/" + shortId();
    call(tenantA, "PublishMessage", new JsonObject().put("InstanceId", demoInstance).put("TargetTopic", topic)
        .put("Payload", "kept").put("Retain", true));

    Mqtt5BlockingClient client = client("late-" + shortId());
    client.connectWith().cleanStart(true).send();
    try (Mqtt5BlockingClient.Mqtt5Publishes received = client.publishes(MqttGlobalPublishFilter.ALL)) {
      client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      Mqtt5Publish retained = received.receive(10, TimeUnit.SECONDS).orElseThrow();
      assertThat(new String(retained.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("kept");
      assertThat(retained.isRetain()).isTrue();
    }
  }

  @Test
  void subscriptionCommandsForAnUnknownClientAreResourceNotFoundClient() throws Exception {
    String nobody = "nobody-" + shortId();
    assertThat(errorOf(tenantA, "AddClientSubscription", clientParams(nobody).put("TopicFilter", "a/#").put("Qos", "0"))
        .getErrorCode()).isEqualTo("ResourceNotFound.Client");
    assertThat(errorOf(tenantA, "DeleteClientSubscription", clientParams(nobody).put("TopicFilter", "a/#"))
        .getErrorCode()).isEqualTo("ResourceNotFound.Client");
  }

  private static JsonObject clientParams(String clientId) {
    return new JsonObject().put("InstanceId", demoInstance).put("ClientId", clientId);
  }

  private Mqtt5BlockingClient client(String clientId) {
    Mqtt5BlockingClient client = it.mqtt5(clientId);
    mqtt5.add(client);
    return client;
  }
}
