package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static io.tenantmq.mqtt.TestClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Will Delay Interval [MQTT-3.1.3-9]: the will goes out once the delay passed or the session ended, whichever comes
 * first, and not at all when the client connects to its session again within the delay.
 */
class WillDelayTest extends SharedNodeTest {

  /** A HiveMQ client with a will on {@code topic} delayed by {@code delaySeconds}. */
  private static Mqtt5BlockingClient withWill(String clientId, String topic, long delaySeconds, long sessionExpiry) {
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    c.connectWith().cleanStart(true).sessionExpiryInterval(sessionExpiry)
        .willPublish().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(utf8("will of " + clientId))
        .delayInterval(delaySeconds).applyWillPublish().send();
    return c;
  }

  /** Ends the connection the way that keeps the will (0x04), as a dropped connection would. */
  private static void dropWithWill(Mqtt5BlockingClient c) {
    c.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();
  }

  private static Mqtt5BlockingClient watch(String topic, Mqtt5Clients.Received<Mqtt5Publish> into) {
    Mqtt5BlockingClient w = Mqtt5Clients.hivemq(node.mqttPort(), unique("will-watch"), true, 0, into);
    w.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
    return w;
  }

  @Test
  void aDelayedWillIsPublishedOnceItsDelayPassed() {
    String topic = unique("willdelay/passes");
    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient watcher = watch(topic, got);
    try {
      Mqtt5BlockingClient c = withWill(unique("delayed"), topic, 2, 60);
      dropWithWill(c);
      long dropped = System.nanoTime();
      Awaitility.await().atMost(Duration.ofSeconds(6)).until(() -> got.all().size() == 1);
      long waitedMillis = (System.nanoTime() - dropped) / 1_000_000;
      assertThat(waitedMillis).as("sent after the 2 s delay").isGreaterThanOrEqualTo(1_900);
      got.assertStaysAt(1);
    } finally {
      watcher.disconnect();
    }
  }

  @Test
  void reconnectingWithinTheDelayCancelsTheWill() {
    String topic = unique("willdelay/back");
    String clientId = unique("returning");
    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient watcher = watch(topic, got);
    Mqtt5BlockingClient back = null;
    try {
      dropWithWill(withWill(clientId, topic, 2, 60));
      back = Mqtt5Clients.hivemq(node.mqttPort(), clientId, false, 60, null);
      Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
      got.assertStaysAt(0);
    } finally {
      watcher.disconnect();
      if (back != null) {
        back.disconnectWith().sessionExpiryInterval(0).send();
      }
    }
  }

  @Test
  void aTakeoverThatResumesTheSessionCancelsADelayedWill() {
    String topic = unique("willdelay/takeover");
    String clientId = unique("taken");
    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient watcher = watch(topic, got);
    Mqtt5BlockingClient second = null;
    try {
      withWill(clientId, topic, 2, 60);
      second = Mqtt5Clients.hivemq(node.mqttPort(), clientId, false, 60, null);
      Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
      got.assertStaysAt(0);
    } finally {
      watcher.disconnect();
      if (second != null) {
        second.disconnectWith().sessionExpiryInterval(0).send();
      }
    }
  }

  @Test
  void theWillIsSentWhenTheSessionEndsBeforeTheDelay() {
    String topic = unique("willdelay/session-ends");
    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient watcher = watch(topic, got);
    try {
      dropWithWill(withWill(unique("short-session"), topic, 60, 1));
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> got.all().size() == 1);
    } finally {
      watcher.disconnect();
    }
  }

  @Test
  void aSessionThatEndsWithItsConnectionSendsTheWillAtOnce() {
    String topic = unique("willdelay/no-session");
    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient watcher = watch(topic, got);
    try {
      dropWithWill(withWill(unique("no-session"), topic, 60, 0));
      Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> got.all().size() == 1);
    } finally {
      watcher.disconnect();
    }
  }

  @Test
  void aCleanStartWithinTheDelayEndsTheOldSessionAndSendsItsWill() {
    String topic = unique("willdelay/clean");
    String clientId = unique("restarting");
    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient watcher = watch(topic, got);
    Mqtt5BlockingClient fresh = null;
    try {
      dropWithWill(withWill(clientId, topic, 60, 60));
      fresh = Mqtt5Clients.hivemq(node.mqttPort(), clientId, true, 0, null);
      Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> got.all().size() == 1);
    } finally {
      watcher.disconnect();
      if (fresh != null) {
        fresh.disconnect();
      }
    }
  }
}
