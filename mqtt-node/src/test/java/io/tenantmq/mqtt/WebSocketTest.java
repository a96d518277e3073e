package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.tenantmq.control.registry.ClientKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** MQTT over WebSocket on path /mqtt, talking to clients of the TCP listener. */
class WebSocketTest extends SharedNodeTest {


  private static Mqtt5BlockingClient ws5(String clientId) {
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(node.wsPort())
        .webSocketConfig().serverPath("mqtt").applyWebSocketConfig().buildBlocking();
    c.connect();
    return c;
  }

  @Test
  void webSocketClientReceivesFromATcpPublisher() throws Exception {
    String topic = unique("ws/in");
    String clientId = unique("ws-sub");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = ws5(clientId);
    Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("tcp-pub"));
    try {
      sub.toAsync().subscribeWith().topicFilter(topic).qos(TestClients.qos(1)).callback(inbox::accept).send().join();
      TestClients.publish(pub, topic, "over ws", 1);
      Inbox.Msg got = inbox.awaitExactly(1).get(0);
      assertThat(got.payload()).isEqualTo("over ws");
      assertThat(got.qos()).isEqualTo(1);
      assertThat(TestClients.record(node, clientId).orElseThrow().protocolVersion()).isEqualTo(5);
    } finally {
      pub.disconnect();
      sub.disconnect();
    }
  }

  @Test
  void webSocketPublisherReachesATcpSubscriber() {
    String topic = unique("ws/out");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("tcp-sub"), topic, 2, inbox);
    Mqtt3BlockingClient pub = Mqtt3Client.builder().identifier(unique("ws3-pub")).serverHost("127.0.0.1")
        .serverPort(node.wsPort()).webSocketConfig().serverPath("mqtt").applyWebSocketConfig().buildBlocking();
    pub.connect();
    try {
      pub.publishWith().topic(topic).qos(TestClients.qos(2)).payload(TestClients.utf8("from ws")).send();
      Inbox.Msg got = inbox.awaitExactly(1).get(0);
      assertThat(got.payload()).isEqualTo("from ws");
      assertThat(got.qos()).isEqualTo(2);
    } finally {
      pub.disconnect();
      sub.disconnect();
    }
  }

  @Test
  void aKeepAliveSetByCommandIsEnforcedOnAWebSocketConnection() throws Exception {
    String clientId = unique("ws-ka");
    AtomicReference<Object> gone = new AtomicReference<>();
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(node.wsPort())
        .webSocketConfig().serverPath("mqtt").applyWebSocketConfig().addDisconnectedListener(gone::set).buildBlocking();
    c.connectWith().keepAlive(60).send();
    assertThat(node.control.commands().setKeepAlive(new ClientKey(TestNode.INSTANCE_ID, clientId), 1)
        .toCompletableFuture().get(10, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(4)).until(() -> gone.get() != null);
  }
}
