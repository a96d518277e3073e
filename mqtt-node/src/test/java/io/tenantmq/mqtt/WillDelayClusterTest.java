package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static io.tenantmq.mqtt.TestClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The will of a connection whose node crashes, published by a survivor: with its MQTT 5 properties, after its Will
 * Delay Interval, and not at all when the client resumes its session on a survivor within the delay.
 */
class WillDelayClusterTest extends TwoNodeClusterTest {

  /** A third member that crashes; {@code a}, the oldest, sweeps after it. */
  private static TestNode victim() throws Exception {
    TestNode v = TestNode.start(clusterName, unique("node-v"), new MqttNodeOptions());
    await().atMost(Duration.ofSeconds(20)).until(() -> a.nodes.liveNodes().size() == 3);
    return v;
  }

  private static void connectWithWill(TestNode on, String clientId, String topic, long delaySeconds) {
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(on.mqttPort()).buildBlocking();
    c.connectWith().cleanStart(true).sessionExpiryInterval(120)
        .willPublish().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(utf8("will of " + clientId))
        .contentType("text/plain").userProperties().add("why", "crash").applyUserProperties()
        .delayInterval(delaySeconds).applyWillPublish().send();
  }

  private static Mqtt5BlockingClient watch(String topic, Mqtt5Clients.Received<Mqtt5Publish> into, TestNode victim) {
    Mqtt5BlockingClient w = Mqtt5Clients.hivemq(a.mqttPort(), unique("watch"), true, 0, into);
    w.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
    TestClients.awaitRoute(victim, topic, a.node.nodeName());
    return w;
  }

  @Test
  void aSurvivorPublishesACrashedConnectionsDelayedWillWithItsProperties() throws Exception {
    TestNode v = victim();
    String topic = unique("willdelay2/crash");
    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient watcher = watch(topic, got, v);
    try {
      connectWithWill(v, unique("crash-delayed"), topic, 2);
      v.crash();
      await().atMost(Duration.ofSeconds(30)).until(() -> got.all().size() == 1);
      Mqtt5Publish will = got.awaitExactly(1).get(0);
      assertThat(will.getContentType().map(Object::toString)).contains("text/plain");
      assertThat(will.getUserProperties().asList()).extracting(p -> p.getName() + "=" + p.getValue())
          .containsExactly("why=crash");
    } finally {
      watcher.disconnect();
    }
  }

  @Test
  void aClientResumingOnASurvivorWithinTheDelayCancelsTheCrashedConnectionsWill() throws Exception {
    TestNode v = victim();
    String topic = unique("willdelay2/back");
    String clientId = unique("crash-returning");
    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient watcher = watch(topic, got, v);
    Mqtt5BlockingClient back = null;
    try {
      connectWithWill(v, clientId, topic, 4);
      v.crash();
      // the CONNECT reports the dead node's connection (and takes its will) before the survivors notice the crash
      back = Mqtt5Clients.hivemq(b.mqttPort(), clientId, false, 120, null);
      await().atMost(Duration.ofSeconds(20)).until(() -> !a.nodes.liveNodes().contains(v.node.nodeName()));
      await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
      got.assertStaysAt(0);
    } finally {
      watcher.disconnect();
      if (back != null) {
        back.disconnectWith().sessionExpiryInterval(0).send();
      }
    }
  }
}
