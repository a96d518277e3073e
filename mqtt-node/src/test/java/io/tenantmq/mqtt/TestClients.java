package io.tenantmq.mqtt;

import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Real MQTT clients against a {@link TestNode}, and fresh client ids and topics for each test. */
public final class TestClients {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final AtomicInteger SEQ = new AtomicInteger();

  private TestClients() {
  }

  /** A client id (or topic level) no other test uses. */
  public static String unique(String prefix) {
    return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
  }

  public static MqttQos qos(int qos) {
    return MqttQos.fromCode(qos);
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A connected HiveMQ MQTT 5 client with a clean start. */
  public static Mqtt5BlockingClient v5(int port, String clientId) {
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port)
        .buildBlocking();
    c.connect();
    return c;
  }

  /** A HiveMQ MQTT 5 client whose received messages go to {@code inbox}, subscribed to {@code filter}. */
  public static Mqtt5BlockingClient v5Subscriber(int port, String clientId, String filter, int qos, Inbox inbox) {
    Mqtt5BlockingClient c = v5(port, clientId);
    c.toAsync().subscribeWith().topicFilter(filter).qos(qos(qos)).callback(inbox::accept).send()
        .orTimeout(10, TimeUnit.SECONDS).join();
    return c;
  }

  public static void publish(Mqtt5BlockingClient c, String topic, String payload, int qos) {
    c.publishWith().topic(topic).qos(qos(qos)).payload(utf8(payload)).send();
  }

  public static void publishRetained(Mqtt5BlockingClient c, String topic, String payload, int qos) {
    c.publishWith().topic(topic).qos(qos(qos)).retain(true).payload(utf8(payload)).send();
  }

  /** Paho v3 options: the given protocol version and clean session flag, no automatic reconnect. */
  public static MqttConnectOptions paho3Options(int mqttVersion, boolean cleanSession) {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(mqttVersion);
    o.setCleanSession(cleanSession);
    o.setAutomaticReconnect(false);
    o.setConnectionTimeout(10);
    return o;
  }

  /** A Paho v3 client (not connected) whose messages go to {@code inbox}. */
  public static MqttClient paho3(int port, String clientId, Inbox inbox) throws Exception {
    MqttClient c = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
    c.setTimeToWait(10_000);
    if (inbox != null) {
      c.setCallback(inbox.paho3());
    }
    return c;
  }

  /** The registry record of {@code clientId} in the test instance, as it is now. */
  public static Optional<ClientRecord> record(TestNode node, String clientId) throws Exception {
    return node.registry.get(new ClientKey(TestNode.INSTANCE_ID, clientId)).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  /** Waits until the node knows that {@code onNode} has a subscriber on {@code filter} (cross-node routing is async). */
  public static void awaitRoute(TestNode node, String filter, String onNode) {
    await().atMost(Duration.ofSeconds(10))
        .until(() -> node.node.routes().hasRoute(TestNode.INSTANCE_ID, filter, onNode));
  }
}
