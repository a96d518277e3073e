package io.tenantmq.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import org.awaitility.Awaitility;

import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;

/**
 * Collects what one subscribing client receives, whatever library it uses, so tests can await messages and then check
 * that nothing more arrives.
 */
public final class Inbox {

  /** One received PUBLISH. */
  public record Msg(String topic, String payload, int qos, boolean retain, boolean dup) {
  }

  /** How long "nothing else arrives" is watched for. */
  public static final Duration QUIET = Duration.ofMillis(300);
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final List<Msg> messages = new CopyOnWriteArrayList<>();

  public void add(Msg m) {
    messages.add(m);
  }

  public void accept(Mqtt5Publish p) {
    add(new Msg(p.getTopic().toString(), new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8), p.getQos().getCode(),
        p.isRetain(), false));
  }

  public void accept(Mqtt3Publish p) {
    add(new Msg(p.getTopic().toString(), new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8), p.getQos().getCode(),
        p.isRetain(), false));
  }

  /** A Paho v3 callback that fills this inbox. */
  public org.eclipse.paho.client.mqttv3.MqttCallback paho3() {
    return new org.eclipse.paho.client.mqttv3.MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {
      }

      @Override
      public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage m) {
        add(new Msg(topic, new String(m.getPayload(), StandardCharsets.UTF_8), m.getQos(), m.isRetained(), m.isDuplicate()));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {
      }
    };
  }

  /** A Paho v5 callback that fills this inbox. */
  public org.eclipse.paho.mqttv5.client.MqttCallback paho5() {
    return new org.eclipse.paho.mqttv5.client.MqttCallback() {
      @Override
      public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
      }

      @Override
      public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException exception) {
      }

      @Override
      public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage m) {
        add(new Msg(topic, new String(m.getPayload(), StandardCharsets.UTF_8), m.getQos(), m.isRetained(), m.isDuplicate()));
      }

      @Override
      public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {
      }

      @Override
      public void connectComplete(boolean reconnect, String serverURI) {
      }

      @Override
      public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) {
      }
    };
  }

  public List<Msg> all() {
    return List.copyOf(messages);
  }

  public List<String> payloads() {
    return messages.stream().map(Msg::payload).toList();
  }

  /** Waits until at least {@code count} messages arrived and returns all of them. */
  public List<Msg> await(int count) {
    Awaitility.await().atMost(TIMEOUT).until(() -> messages.size() >= count);
    return all();
  }

  /** Waits for the first message. */
  public Msg awaitOne() {
    return await(1).get(0);
  }

  /** Waits until a message on {@code topic} arrived and returns it. */
  public Msg awaitTopic(String topic) {
    Awaitility.await().atMost(TIMEOUT).until(() -> messages.stream().anyMatch(m -> m.topic().equals(topic)));
    return messages.stream().filter(m -> m.topic().equals(topic)).findFirst().orElseThrow();
  }

  /** Watches for {@link #QUIET} and asserts that the inbox still holds exactly {@code count} messages. */
  public void assertStaysAt(int count) {
    Awaitility.await().pollDelay(QUIET).atMost(QUIET.plusSeconds(1)).until(() -> true);
    assertThat(all()).as("messages received").hasSize(count);
  }

  /** Waits for at least {@code count} messages, then asserts that no more than that arrive. */
  public List<Msg> awaitExactly(int count) {
    await(count);
    assertStaysAt(count);
    return all();
  }
}
