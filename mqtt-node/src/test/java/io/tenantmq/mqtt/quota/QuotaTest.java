package io.tenantmq.mqtt.quota;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.micrometer.core.instrument.FunctionCounter;
import io.tenantmq.control.quota.InstanceQuotas;
import io.tenantmq.control.quota.Quota;
import io.tenantmq.mqtt.Inbox;
import io.tenantmq.mqtt.RawMqttClient;
import io.tenantmq.mqtt.TestNode;
import io.tenantmq.mqtt.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-instance quotas against a real node with real clients: each quota exceeded gives the code EMQX / BifroMQ give
 * (HiveMQ for MQTT 5, Paho v3 and raw 3.1.1 packets for MQTT 3.1.1) and is counted in the node's meters; a change
 * reaches connected clients; one instance's quota never touches another instance. Each test has an instance of its
 * own on the shared node.
 */
class QuotaTest {

  private static TestNode node;
  private static final List<AutoCloseable> open = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.shared();
  }

  @AfterAll
  static void closeClients() {
    for (AutoCloseable c : open) {
      try {
        c.close();
      } catch (Exception ignored) {
        // already closed by the server
      }
    }
  }

  /** A fresh instance with one user (its login is {@code user@instance}) and {@code quotas} in force on the node. */
  private static String instance(Map<Quota, Integer> quotas) throws Exception {
    String instanceId = unique("q").toLowerCase();
    TestUsers.createInstance(node, instanceId);
    TestUsers.create(node, instanceId, "u", true, true);
    setQuotas(instanceId, quotas);
    return instanceId;
  }

  private static void setQuotas(String instanceId, Map<Quota, Integer> quotas) throws Exception {
    InstanceQuotas q = InstanceQuotas.of(instanceId, quotas, System.currentTimeMillis());
    node.control.quotas().put(q).toCompletableFuture().get(10, TimeUnit.SECONDS);
    // the node's view follows the map through a listener
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      QuotaLimits l = node.node.quotas().of(instanceId).limits();
      return quotas.entrySet().stream().allMatch(e -> valueOf(l, e.getKey()) == e.getValue());
    });
  }

  private static int valueOf(QuotaLimits l, Quota q) {
    return switch (q) {
      case MAX_CONNECTIONS -> l.maxConnections();
      case MAX_SUBSCRIPTIONS_PER_CLIENT -> l.maxSubscriptionsPerClient();
      case MESSAGES_PER_SECOND_PER_CLIENT -> l.messagesPerSecondPerClient();
      case MESSAGES_PER_SECOND_PER_INSTANCE -> l.messagesPerSecondPerInstance();
      case MAX_PACKET_SIZE -> l.maxPacketSize();
      case MAX_QUEUED_MESSAGES -> l.maxQueuedMessages();
    };
  }

  private static String login(String instanceId) {
    return "u@" + instanceId;
  }

  private static Mqtt5BlockingClient v5(String instanceId, String clientId,
                                        AtomicReference<MqttClientDisconnectedContext> gone) {
    Mqtt5BlockingClient c = TestUsers.v5(node.mqttPort(), clientId, login(instanceId), TestUsers.PASSWORD,
        gone == null ? null : gone::set);
    open.add(() -> {
      if (c.getState().isConnected()) {
        c.disconnect();
      }
    });
    return c;
  }

  private static Mqtt5BlockingClient v5Connected(String instanceId, String clientId) {
    Mqtt5BlockingClient c = v5(instanceId, clientId, null);
    c.connect();
    return c;
  }

  private static MqttClient paho3(String instanceId, String clientId) throws MqttException {
    MqttClient c = new MqttClient("tcp://127.0.0.1:" + node.mqttPort(), clientId, new MemoryPersistence());
    open.add(() -> {
      if (c.isConnected()) {
        c.disconnect();
      }
      c.close();
    });
    return c;
  }

  private static MqttConnectOptions paho3Login(String instanceId) {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setUserName(login(instanceId));
    o.setPassword(TestUsers.PASSWORD.toCharArray());
    o.setAutomaticReconnect(false);
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1); // no retry as 3.1 after a refusal
    return o;
  }

  /** What the node's {@code tenantmq.quota.exceeded} counter (/metrics) says for the instance and quota. */
  private static double exceeded(String instanceId, String quota) {
    FunctionCounter c = node.meters.find("tenantmq.quota.exceeded").tag("instance", instanceId).tag("quota", quota)
        .functionCounter();
    return c == null ? 0 : c.count();
  }

  private static int disconnectReason(AtomicReference<MqttClientDisconnectedContext> gone) {
    await().atMost(Duration.ofSeconds(10)).until(() -> gone.get() != null);
    assertThat(gone.get().getCause()).isInstanceOf(Mqtt5DisconnectException.class);
    return ((Mqtt5DisconnectException) gone.get().getCause()).getMqttMessage().getReasonCode().getCode();
  }

  // ---- connections ---------------------------------------------------------------------------------------------------

  @Test
  void connectOverTheConnectionQuotaGetsConnack0x97AndIsCounted() throws Exception {
    String id = instance(Map.of(Quota.MAX_CONNECTIONS, 2));
    String first = unique("c1");
    v5Connected(id, first);
    v5Connected(id, unique("c2"));

    Mqtt5ConnAckException refused = catchThrowableOfType(Mqtt5ConnAckException.class,
        () -> v5(id, unique("c3"), null).connect());
    assertThat(refused).isNotNull();
    assertThat(refused.getMqttMessage().getReasonCode().getCode()).isEqualTo(0x97);
    assertThat(exceeded(id, "connections")).isEqualTo(1);
    // nothing changed for the refused client id: no record
    assertThat(node.registry.get(new io.tenantmq.control.registry.ClientKey(id, "c3")).toCompletableFuture()
        .get(5, TimeUnit.SECONDS)).isEmpty();

    // a reconnect of a connected client id takes it over: not a new connection
    Mqtt5BlockingClient again = v5(id, first, null);
    assertThat(again.connect().getReasonCode().getCode()).isZero();
    assertThat(exceeded(id, "connections")).isEqualTo(1);
  }

  @Test
  void mqtt311ConnectOverTheConnectionQuotaGetsServerUnavailable() throws Exception {
    String id = instance(Map.of(Quota.MAX_CONNECTIONS, 1));
    paho3(id, unique("p1")).connect(paho3Login(id));

    MqttException refused = catchThrowableOfType(MqttException.class,
        () -> paho3(id, unique("p2")).connect(paho3Login(id)));
    assertThat(refused).isNotNull();
    assertThat(refused.getReasonCode()).isEqualTo(MqttException.REASON_CODE_BROKER_UNAVAILABLE); // 0x03
    assertThat(exceeded(id, "connections")).isEqualTo(1);
  }

  @Test
  void aClosedConnectionFreesItsPlace() throws Exception {
    String id = instance(Map.of(Quota.MAX_CONNECTIONS, 1));
    Mqtt5BlockingClient c = v5Connected(id, unique("c"));
    c.disconnect();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(v5(id, unique("next"), null).connect().getReasonCode().getCode()).isZero());
  }

  @Test
  void oneInstanceAtItsConnectionQuotaNeverAffectsAnother() throws Exception {
    String full = instance(Map.of(Quota.MAX_CONNECTIONS, 1, Quota.MAX_SUBSCRIPTIONS_PER_CLIENT, 1));
    String other = instance(Map.of());
    v5Connected(full, unique("f"));
    for (int i = 0; i < 3; i++) {
      Mqtt5BlockingClient c = v5Connected(other, unique("o"));
      Mqtt5Subscribe subscribe = Mqtt5Subscribe.builder()
          .addSubscription().topicFilter("a/" + i).qos(MqttQos.AT_LEAST_ONCE).applySubscription()
          .addSubscription().topicFilter("b/" + i).qos(MqttQos.AT_LEAST_ONCE).applySubscription().build();
      assertThat(c.subscribe(subscribe).getReasonCodes()).containsOnly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
    }
    assertThat(exceeded(other, "connections")).isZero();
    assertThat(exceeded(other, "subscriptions")).isZero();
  }

  // ---- subscriptions -------------------------------------------------------------------------------------------------

  @Test
  void subscriptionsOverTheQuotaGetSuback0x97PerFilterAndReplacingOneDoesNotCount() throws Exception {
    String id = instance(Map.of(Quota.MAX_SUBSCRIPTIONS_PER_CLIENT, 2));
    Mqtt5BlockingClient c = v5Connected(id, unique("s"));
    Mqtt5Subscribe three = Mqtt5Subscribe.builder()
        .addSubscription().topicFilter("t/1").qos(MqttQos.AT_LEAST_ONCE).applySubscription()
        .addSubscription().topicFilter("t/2").qos(MqttQos.AT_LEAST_ONCE).applySubscription()
        .addSubscription().topicFilter("t/3").qos(MqttQos.AT_LEAST_ONCE).applySubscription().build();
    // HiveMQ fails a SUBACK with any error code; the codes are in the exception
    Mqtt5SubAckException partly = catchThrowableOfType(Mqtt5SubAckException.class, () -> c.subscribe(three));
    assertThat(partly.getMqttMessage().getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1,
        Mqtt5SubAckReasonCode.GRANTED_QOS_1, Mqtt5SubAckReasonCode.QUOTA_EXCEEDED);
    assertThat(exceeded(id, "subscriptions")).isEqualTo(1);

    // the same filter again replaces the subscription: granted, not counted
    assertThat(c.subscribeWith().topicFilter("t/1").qos(MqttQos.AT_MOST_ONCE).send().getReasonCodes())
        .containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_0);
    Mqtt5SubAckException refused = catchThrowableOfType(Mqtt5SubAckException.class,
        () -> c.subscribeWith().topicFilter("t/4").qos(MqttQos.AT_MOST_ONCE).send());
    assertThat(refused.getMqttMessage().getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.QUOTA_EXCEEDED);
    assertThat(exceeded(id, "subscriptions")).isEqualTo(2);
  }

  @Test
  void mqtt311SubscriptionOverTheQuotaGets0x80() throws Exception {
    String id = instance(Map.of(Quota.MAX_SUBSCRIPTIONS_PER_CLIENT, 1));
    try (RawMqttClient c = RawMqttClient.open(node.mqttPort())) {
      c.send(RawMqttClient.connectPacket(unique("r"), login(id), TestUsers.PASSWORD));
      assertThat(c.expect(RawMqttClient.CONNACK).returnCode()).isZero();
      assertThat(c.subscribe(1, "a/b", 1)).isEqualTo(1);
      assertThat(c.subscribe(2, "a/c", 1)).isEqualTo(0x80);
      assertThat(c.subscribe(3, "a/b", 0)).isZero(); // a replacement
    }
    assertThat(exceeded(id, "subscriptions")).isEqualTo(1);
  }

  @Test
  void aQuotaChangeReachesAConnectedClient() throws Exception {
    String id = instance(Map.of(Quota.MAX_SUBSCRIPTIONS_PER_CLIENT, 1));
    Mqtt5BlockingClient c = v5Connected(id, unique("s"));
    c.subscribeWith().topicFilter("x/1").qos(MqttQos.AT_MOST_ONCE).send();
    assertThat(catchThrowableOfType(Mqtt5SubAckException.class,
        () -> c.subscribeWith().topicFilter("x/2").qos(MqttQos.AT_MOST_ONCE).send())).isNotNull();

    setQuotas(id, Map.of(Quota.MAX_SUBSCRIPTIONS_PER_CLIENT, 5));
    assertThat(c.subscribeWith().topicFilter("x/2").qos(MqttQos.AT_MOST_ONCE).send().getReasonCodes())
        .containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_0);
  }

  // ---- message rates -------------------------------------------------------------------------------------------------

  @Test
  void mqtt5PublisherOverItsRateGetsDisconnect0x96() throws Exception {
    String id = instance(Map.of(Quota.MESSAGES_PER_SECOND_PER_CLIENT, 5));
    AtomicReference<MqttClientDisconnectedContext> gone = new AtomicReference<>();
    Mqtt5BlockingClient c = v5(id, unique("fast"), gone);
    c.connect();
    // the bucket holds one second's worth (5); 50 at once are far over it
    for (int i = 0; i < 50 && gone.get() == null; i++) {
      c.toAsync().publishWith().topic("r/t").payload(new byte[] {1}).send();
    }
    assertThat(disconnectReason(gone)).isEqualTo(0x96);
    assertThat(exceeded(id, "client_rate")).isEqualTo(1);
  }

  @Test
  void mqtt5PublisherWithinItsRateIsNotDisconnected() throws Exception {
    String id = instance(Map.of(Quota.MESSAGES_PER_SECOND_PER_CLIENT, 100));
    Mqtt5BlockingClient c = v5Connected(id, unique("calm"));
    for (int i = 0; i < 20; i++) {
      c.publishWith().topic("r/t").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[] {1}).send();
    }
    assertThat(c.getState().isConnected()).isTrue();
    assertThat(exceeded(id, "client_rate")).isZero();
  }

  @Test
  void mqtt311PublisherOverItsRateIsSlowedDownAndLosesNothing() throws Exception {
    String id = instance(Map.of(Quota.MESSAGES_PER_SECOND_PER_CLIENT, 10));
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = v5Connected(id, unique("sub"));
    sub.toAsync().publishes(MqttGlobalPublishFilter.ALL, inbox::accept);
    sub.subscribeWith().topicFilter("slow/#").qos(MqttQos.AT_LEAST_ONCE).send();
    MqttClient pub = paho3(id, unique("p"));
    pub.connect(paho3Login(id));
    long start = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      pub.publish("slow/t", ("m" + i).getBytes(), 1, false);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    // 10 in the bucket, then 10/s: the last 20 take about two seconds
    assertThat(millis).isGreaterThanOrEqualTo(1_500);
    assertThat(pub.isConnected()).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> inbox.all().size() == 30);
    assertThat(exceeded(id, "client_rate_throttled")).isPositive();
  }

  @Test
  void instanceRateSlowsItsPublishersDown() throws Exception {
    String id = instance(Map.of(Quota.MESSAGES_PER_SECOND_PER_INSTANCE, 20));
    Mqtt5BlockingClient one = v5Connected(id, unique("i1"));
    Mqtt5BlockingClient two = v5Connected(id, unique("i2"));
    long start = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      one.publishWith().topic("i/t").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[] {1}).send();
      two.publishWith().topic("i/t").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[] {2}).send();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    // 60 against 20/s with a burst of 20: about two seconds
    assertThat(millis).isGreaterThanOrEqualTo(1_500);
    assertThat(one.getState().isConnected() && two.getState().isConnected()).isTrue();
    assertThat(exceeded(id, "instance_rate_throttled")).isPositive();
  }

  // ---- packet size ---------------------------------------------------------------------------------------------------

  @Test
  void connackAdvertisesTheInstancesMaximumPacketSizeAndALargerPublishGetsDisconnect0x95() throws Exception {
    String id = instance(Map.of(Quota.MAX_PACKET_SIZE, 2048));
    Mqtt5ConnAck connack = v5(id, unique("m"), null).connect();
    assertThat(connack.getRestrictions().getMaximumPacketSize()).isEqualTo(2048);

    // HiveMQ refuses to send a packet over the advertised maximum: the raw client sends it
    try (RawMqttClient c = RawMqttClient.open(node.mqttPort())) {
      c.send(RawMqttClient.connect5Packet(unique("raw"), login(id), TestUsers.PASSWORD));
      assertThat(c.expect(RawMqttClient.CONNACK).returnCode()).isZero();
      c.send(RawMqttClient.publish5Packet("big/t", "x".repeat(1000))); // within
      c.send(RawMqttClient.publish5Packet("big/t", "x".repeat(3000)));
      RawMqttClient.Packet disconnect = c.expect(RawMqttClient.DISCONNECT);
      assertThat(disconnect.body()[0] & 0xFF).isEqualTo(0x95);
      assertThat(c.closedWithin(Duration.ofSeconds(5))).isTrue();
    }
    assertThat(exceeded(id, "packet_size")).isEqualTo(1);
  }

  @Test
  void mqtt311PublishLargerThanTheInstancesMaximumClosesTheConnection() throws Exception {
    String id = instance(Map.of(Quota.MAX_PACKET_SIZE, 2048));
    try (RawMqttClient c = RawMqttClient.open(node.mqttPort())) {
      c.send(RawMqttClient.connectPacket(unique("raw3"), login(id), TestUsers.PASSWORD));
      assertThat(c.expect(RawMqttClient.CONNACK).returnCode()).isZero();
      c.send(RawMqttClient.publishPacket("big/t", "x".repeat(3000), 0, false, false, 0));
      assertThat(c.closedWithin(Duration.ofSeconds(5))).isTrue();
    }
    assertThat(exceeded(id, "packet_size")).isEqualTo(1);
  }

  // ---- offline queue -------------------------------------------------------------------------------------------------

  @Test
  void aFullOfflineQueueDropsTheNewestMessagesAndCountsThem() throws Exception {
    String id = instance(Map.of(Quota.MAX_QUEUED_MESSAGES, 3));
    String clientId = unique("offline");
    Mqtt5BlockingClient sub = v5(id, clientId, null);
    sub.connectWith().cleanStart(true).sessionExpiryInterval(300).send();
    sub.subscribeWith().topicFilter("q/t").qos(MqttQos.AT_LEAST_ONCE).send();
    sub.disconnect();
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      var s = node.node.sessions().get(new io.tenantmq.control.registry.ClientKey(id, clientId));
      return s != null && !s.connected();
    });

    Mqtt5BlockingClient pub = v5Connected(id, unique("pub"));
    for (int i = 0; i < 5; i++) {
      pub.publishWith().topic("q/t").qos(MqttQos.AT_LEAST_ONCE).payload(("m" + i).getBytes()).send();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> exceeded(id, "queued_messages") == 2);

    Inbox inbox = new Inbox();
    Mqtt5BlockingClient back = v5(id, clientId, null);
    back.toAsync().publishes(MqttGlobalPublishFilter.ALL, inbox::accept);
    assertThat(back.connectWith().cleanStart(false).sessionExpiryInterval(300).send().isSessionPresent()).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> inbox.all().size() >= 3);
    assertThat(inbox.all().stream().map(Inbox.Msg::payload).toList()).containsExactly("m0", "m1", "m2");
    back.disconnectWith().sessionExpiryInterval(0).send();
  }
}
