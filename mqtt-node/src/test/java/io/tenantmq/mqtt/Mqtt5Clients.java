package io.tenantmq.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * MQTT 5 clients for tests that look at a PUBLISH's properties and flags: HiveMQ clients whose every received message
 * (whatever subscription it is for) lands in a {@link Received}, and Paho v5 clients for what HiveMQ keeps to itself
 * (Subscription Identifiers).
 */
final class Mqtt5Clients {

  private Mqtt5Clients() {
  }

  /** What one client received, in order, with everything the client library exposes. */
  static final class Received<M> implements Consumer<M> {
    private final List<M> messages = new CopyOnWriteArrayList<>();

    @Override
    public void accept(M m) {
      messages.add(m);
    }

    List<M> all() {
      return List.copyOf(messages);
    }

    /** Waits for at least {@code count}, then watches {@link Inbox#QUIET} for more; returns exactly {@code count}. */
    List<M> awaitExactly(int count) {
      Awaitility.await().atMost(Inbox.TIMEOUT).until(() -> messages.size() >= count);
      assertStaysAt(count);
      return all();
    }

    void assertStaysAt(int count) {
      Awaitility.await().pollDelay(Inbox.QUIET).atMost(Inbox.QUIET.plusSeconds(1)).until(() -> true);
      assertThat(all()).as("messages received").hasSize(count);
    }
  }

  static String payload(Mqtt5Publish p) {
    return new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8);
  }

  /** A HiveMQ client connected with {@code cleanStart} and {@code sessionExpiry}; all it receives goes to {@code into}. */
  static Mqtt5BlockingClient hivemq(int port, String clientId, boolean cleanStart, long sessionExpiry,
                                    Received<Mqtt5Publish> into) {
    return hivemqWithConnAck(port, clientId, cleanStart, sessionExpiry, into).client();
  }

  record Connected(Mqtt5BlockingClient client, Mqtt5ConnAck connAck) {
  }

  static Connected hivemqWithConnAck(int port, String clientId, boolean cleanStart, long sessionExpiry,
                                     Received<Mqtt5Publish> into) {
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port)
        .buildBlocking();
    if (into != null) {
      c.toAsync().publishes(MqttGlobalPublishFilter.ALL, into);
    }
    Mqtt5ConnAck ack = c.connectWith().cleanStart(cleanStart).sessionExpiryInterval(sessionExpiry).send();
    return new Connected(c, ack);
  }

  /** A connected Paho v5 client (clean start, no session expiry); what it receives goes to {@code into}. */
  static MqttAsyncClient paho(int port, String clientId, Received<MqttMessage> into) throws MqttException {
    return paho(port, clientId, true, 0, into);
  }

  /** A connected Paho v5 client; what it receives goes to {@code into}. */
  static MqttAsyncClient paho(int port, String clientId, boolean cleanStart, long sessionExpiry,
                              Received<MqttMessage> into) throws MqttException {
    MqttAsyncClient c = new MqttAsyncClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
    c.setCallback(new MqttCallback() {
      @Override
      public void disconnected(MqttDisconnectResponse response) {
      }

      @Override
      public void mqttErrorOccurred(MqttException exception) {
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        into.accept(message);
      }

      @Override
      public void deliveryComplete(IMqttToken token) {
      }

      @Override
      public void connectComplete(boolean reconnect, String serverURI) {
      }

      @Override
      public void authPacketArrived(int reasonCode, MqttProperties properties) {
      }
    });
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(cleanStart);
    o.setSessionExpiryInterval(sessionExpiry);
    o.setAutomaticReconnect(false);
    c.connect(o).waitForCompletion(10_000);
    return c;
  }

  /** Subscribes a Paho v5 client to {@code filter} with Subscription Identifier {@code id} (0: none). */
  static void pahoSubscribe(MqttAsyncClient c, String filter, int qos, int id) throws MqttException {
    pahoSubscribe(c, new MqttSubscription(filter, qos), id);
  }

  /** Subscribes with the options of {@code subscription} and Subscription Identifier {@code id} (0: none). */
  static void pahoSubscribe(MqttAsyncClient c, MqttSubscription subscription, int id) throws MqttException {
    MqttProperties props = new MqttProperties();
    if (id > 0) {
      props.setSubscriptionIdentifier(id);
    }
    c.subscribe(new MqttSubscription[] {subscription}, null, null, props)
        .waitForCompletion(10_000);
  }

  static void pahoPublish(MqttAsyncClient c, String topic, String payload, int qos, boolean retain)
      throws MqttException {
    c.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain).waitForCompletion(10_000);
  }

  static String payload(MqttMessage m) {
    return new String(m.getPayload(), StandardCharsets.UTF_8);
  }

  static void close(MqttAsyncClient c) throws MqttException {
    c.disconnect().waitForCompletion(10_000);
    c.close();
  }
}
