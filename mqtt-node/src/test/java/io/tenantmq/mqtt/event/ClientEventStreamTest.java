package io.tenantmq.mqtt.event;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.ClientEventType;
import io.tenantmq.control.event.EventStream;
import io.tenantmq.mqtt.RawMqttClient;
import io.tenantmq.mqtt.TestClients;
import io.tenantmq.mqtt.TestNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A node records each connection's connect / disconnect / tcpclean in its instance's event stream, in order. */
class ClientEventStreamTest {

  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.shared();
  }

  /** The events of {@code clientId} in the test instance's stream, oldest first. */
  static List<ClientEvent> eventsOf(String clientId) throws Exception {
    List<ClientEvent> found = new ArrayList<>();
    long from = 0;
    while (true) {
      List<ClientEvent> page = node.control.events().read(TestNode.INSTANCE_ID, from, EventStream.MAX_READ)
          .toCompletableFuture().get(10, TimeUnit.SECONDS);
      if (page.isEmpty()) {
        return found;
      }
      page.stream().filter(e -> e.clientId().equals(clientId)).forEach(found::add);
      from = page.get(page.size() - 1).offset() + 1;
    }
  }

  @Test
  void cleanDisconnectGivesConnectDisconnectTcpcleanOfOneChannelInOrder() throws Exception {
    String clientId = "GID_ev@@@" + unique("dev");
    Mqtt5BlockingClient client = TestClients.v5(node.mqttPort(), clientId);
    var record = TestClients.record(node, clientId).orElseThrow();
    String channelId = record.channelId();
    client.disconnect();

    await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(clientId).size() == 3);
    List<ClientEvent> events = eventsOf(clientId);
    assertThat(events).extracting(ClientEvent::type)
        .containsExactly(ClientEventType.CONNECT, ClientEventType.DISCONNECT, ClientEventType.TCPCLEAN);
    assertThat(events).allSatisfy(e -> {
      assertThat(e.channelId()).isEqualTo(channelId);
      assertThat(e.instanceId()).isEqualTo(TestNode.INSTANCE_ID);
      assertThat(e.groupId()).isEqualTo("GID_ev");
      assertThat(e.node()).isEqualTo(record.node());
      assertThat(e.clientIp()).startsWith("127.0.0.1:");
    });
    assertThat(events.get(2).reason()).isEqualTo("disconnect");
    assertThat(events.get(0).offset()).isLessThan(events.get(1).offset());
    assertThat(events.get(1).offset()).isLessThan(events.get(2).offset());
    assertThat(events.get(0).timeMillis()).isLessThanOrEqualTo(events.get(2).timeMillis());
  }

  @Test
  void droppedConnectionGivesConnectAndTcpcleanWithoutDisconnect() throws Exception {
    String clientId = unique("drop");
    RawMqttClient raw = RawMqttClient.connect(node.mqttPort(), clientId, true);
    raw.close();

    await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(clientId).size() == 2);
    List<ClientEvent> events = eventsOf(clientId);
    assertThat(events).extracting(ClientEvent::type)
        .containsExactly(ClientEventType.CONNECT, ClientEventType.TCPCLEAN);
    assertThat(events.get(1).reason()).isEqualTo("closed");
    assertThat(events.get(0).channelId()).isEqualTo(events.get(1).channelId()).hasSize(32);
    assertThat(events.get(0).groupId()).isNull();
  }

  @Test
  void anotherInstancesStreamHoldsNoneOfThem() throws Exception {
    String clientId = unique("mine");
    TestClients.v5(node.mqttPort(), clientId).disconnect();
    await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(clientId).size() == 3);
    List<ClientEvent> elsewhere = node.control.events().read("mqtt-other-" + unique("i"), 0, 1000)
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(elsewhere).isEmpty();
  }
}
