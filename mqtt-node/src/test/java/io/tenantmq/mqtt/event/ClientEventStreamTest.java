package io.tenantmq.mqtt.event;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.tenantmq.control.ban.Ban;
import io.tenantmq.control.ban.BanKind;
import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.ClientEventType;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.mqtt.RawMqttClient;
import io.tenantmq.mqtt.TestClients;
import io.tenantmq.mqtt.TestEvents;
import io.tenantmq.mqtt.TestNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node records each connection's connect / disconnect / tcpclean in its instance's event stream, in order, with the
 * reason of whoever closed it, and a client's channels one after the other.
 */
class ClientEventStreamTest {

  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.shared();
  }

  static List<ClientEvent> eventsOf(String clientId) throws Exception {
    return TestEvents.of(node, clientId);
  }

  static String channelOf(String clientId) throws Exception {
    return TestClients.record(node, clientId).orElseThrow().channelId();
  }

  /** Waits for {@code count} events of the client and returns them. */
  static List<ClientEvent> awaitEvents(String clientId, int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(clientId).size() >= count);
    return await().atMost(Duration.ofSeconds(1)).until(() -> eventsOf(clientId), l -> l.size() == count);
  }

  static Mqtt5BlockingClient persistentV5(String clientId, boolean cleanStart) {
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    c.connectWith().cleanStart(cleanStart).sessionExpiryInterval(300).send();
    return c;
  }

  @Test
  void cleanDisconnectGivesConnectDisconnectTcpcleanOfOneChannelInOrder() throws Exception {
    String clientId = "GID_ev@@@" + unique("dev");
    Mqtt5BlockingClient client = TestClients.v5(node.mqttPort(), clientId);
    var record = TestClients.record(node, clientId).orElseThrow();
    String channelId = record.channelId();
    client.disconnect();

    List<ClientEvent> events = awaitEvents(clientId, 3);
    assertThat(events).extracting(ClientEvent::type)
        .containsExactly(ClientEventType.CONNECT, ClientEventType.DISCONNECT, ClientEventType.TCPCLEAN);
    assertThat(events).allSatisfy(e -> {
      assertThat(e.channelId()).isEqualTo(channelId);
      assertThat(e.instanceId()).isEqualTo(TestNode.INSTANCE_ID);
      assertThat(e.groupId()).isEqualTo("GID_ev");
      assertThat(e.node()).isEqualTo(record.node());
      assertThat(e.clientIp()).startsWith("127.0.0.1:");
    });
    assertThat(events).extracting(ClientEvent::reason).containsExactly("", "normal", "normal");
    assertThat(events.get(0).offset()).isLessThan(events.get(1).offset());
    assertThat(events.get(1).offset()).isLessThan(events.get(2).offset());
    assertThat(events.get(0).timeMillis()).isLessThanOrEqualTo(events.get(2).timeMillis());
  }

  @Test
  void droppedConnectionGivesConnectAndTcpcleanTcpClosedWithoutDisconnect() throws Exception {
    String clientId = unique("drop");
    RawMqttClient raw = RawMqttClient.connect(node.mqttPort(), clientId, true);
    raw.close();

    List<ClientEvent> events = awaitEvents(clientId, 2);
    assertThat(events).extracting(ClientEvent::type)
        .containsExactly(ClientEventType.CONNECT, ClientEventType.TCPCLEAN);
    assertThat(events.get(1).reason()).isEqualTo("tcp_closed");
    assertThat(events.get(0).channelId()).isEqualTo(events.get(1).channelId()).hasSize(32);
    assertThat(events.get(0).groupId()).isNull();
  }

  @Test
  void takeoverResumingTheSessionClosesTheOldChannelAsTakenoverBeforeTheNewConnect() throws Exception {
    String clientId = unique("takeover");
    Mqtt5BlockingClient first = persistentV5(clientId, true);
    String firstChannel = channelOf(clientId);
    Mqtt5BlockingClient second = persistentV5(clientId, false);
    String secondChannel = channelOf(clientId);

    List<ClientEvent> events = awaitEvents(clientId, 3);
    assertThat(TestEvents.assertChannelOrder(events, true)).containsExactly(firstChannel, secondChannel);
    assertThat(TestEvents.tcpcleanReason(events, firstChannel)).isEqualTo("takenover");
    second.disconnect();
    assertThat(first.getState().isConnected()).isFalse();
  }

  @Test
  void takeoverWithACleanStartClosesTheOldChannelAsDiscarded() throws Exception {
    String clientId = unique("discard");
    RawMqttClient first = RawMqttClient.connect(node.mqttPort(), clientId, false);
    String firstChannel = channelOf(clientId);
    RawMqttClient second = RawMqttClient.connect(node.mqttPort(), clientId, true);
    String secondChannel = channelOf(clientId);

    List<ClientEvent> events = awaitEvents(clientId, 3);
    assertThat(TestEvents.assertChannelOrder(events, true)).containsExactly(firstChannel, secondChannel);
    assertThat(TestEvents.tcpcleanReason(events, firstChannel)).isEqualTo("discarded");
    first.close();
    second.close();
  }

  @Test
  void manyQuickLocalTakeoversKeepTheChannelsInOrder() throws Exception {
    String clientId = unique("flap");
    for (int i = 0; i < 10; i++) {
      // no wait between them: each CONNECT takes over the one before while its tcpclean may still be in flight
      RawMqttClient.connect(node.mqttPort(), clientId, i % 2 == 0);
    }
    RawMqttClient.connect(node.mqttPort(), clientId, true).close();

    List<ClientEvent> events = awaitEvents(clientId, 22);
    assertThat(TestEvents.assertChannelOrder(events, false)).hasSize(11);
    assertThat(events.get(events.size() - 1).reason()).isEqualTo("tcp_closed");
  }

  @Test
  void kickClosesTheChannelAsKicked() throws Exception {
    String clientId = unique("kicked");
    Mqtt5BlockingClient client = TestClients.v5(node.mqttPort(), clientId);
    String channel = channelOf(clientId);
    assertThat(node.control.commands().kick(new ClientKey(TestNode.INSTANCE_ID, clientId))
        .toCompletableFuture().get(10, TimeUnit.SECONDS)).isTrue();

    List<ClientEvent> events = awaitEvents(clientId, 2);
    assertThat(TestEvents.tcpcleanReason(events, channel)).isEqualTo("kicked");
    await().atMost(Duration.ofSeconds(5)).until(() -> !client.getState().isConnected());
  }

  @Test
  void silentClientIsClosedAsKeepaliveTimeout() throws Exception {
    String clientId = unique("silent");
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), clientId, true, 1, null)) {
      String channel = channelOf(clientId);
      assertThat(client.closedWithin(Duration.ofSeconds(3))).isTrue();
      assertThat(TestEvents.tcpcleanReason(awaitEvents(clientId, 2), channel)).isEqualTo("keepalive_timeout");
    }
  }

  @Test
  void banClosesTheChannelAsBanned() throws Exception {
    String clientId = unique("banned");
    Mqtt5BlockingClient client = TestClients.v5(node.mqttPort(), clientId);
    String channel = channelOf(clientId);
    Ban ban = new Ban(TestNode.INSTANCE_ID, BanKind.CLIENTID, clientId, "test", "banned in a test",
        System.currentTimeMillis(), Long.MAX_VALUE);
    node.control.bans().add(ban).toCompletableFuture().get(10, TimeUnit.SECONDS);
    try {
      assertThat(TestEvents.tcpcleanReason(awaitEvents(clientId, 2), channel)).isEqualTo("banned");
      await().atMost(Duration.ofSeconds(5)).until(() -> !client.getState().isConnected());
    } finally {
      node.control.bans().remove(ban.key()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void invalidPublishClosesTheChannelAsProtocolError() throws Exception {
    String clientId = unique("bad");
    try (RawMqttClient client = RawMqttClient.connect(node.mqttPort(), clientId, true)) {
      String channel = channelOf(clientId);
      client.send(RawMqttClient.publishPacket("a/#", "wildcards are not topic names", 0, false, false, 0));
      assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
      assertThat(TestEvents.tcpcleanReason(awaitEvents(clientId, 2), channel)).isEqualTo("protocol_error");
    }
  }

  @Test
  void recordEndsOnlyAfterTheTcpcleanIsStored() throws Exception {
    String clientId = unique("after");
    RawMqttClient.connect(node.mqttPort(), clientId, true).close();
    await().atMost(Duration.ofSeconds(10)).until(() -> TestClients.record(node, clientId).isEmpty());
    // the record went only once the tcpclean was in the stream: no wait needed here
    assertThat(eventsOf(clientId)).extracting(ClientEvent::type)
        .containsExactly(ClientEventType.CONNECT, ClientEventType.TCPCLEAN);
  }

  @Test
  void anotherInstancesStreamHoldsNoneOfThem() throws Exception {
    String clientId = unique("mine");
    TestClients.v5(node.mqttPort(), clientId).disconnect();
    awaitEvents(clientId, 3);
    List<ClientEvent> elsewhere = node.control.events().read("mqtt-other-" + unique("i"), 0, 1000)
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(elsewhere).isEmpty();
  }

  static boolean connected(String clientId) throws Exception {
    return TestClients.record(node, clientId).map(ClientRecord::connected).orElse(false);
  }
}
