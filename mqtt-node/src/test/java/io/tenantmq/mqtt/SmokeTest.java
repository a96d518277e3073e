package io.tenantmq.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmokeTest {
  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start();
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @Test
  void publishReachesSubscriber() throws Exception {
    Mqtt5BlockingClient sub = Mqtt5Client.builder().identifier("sub").serverHost("127.0.0.1").serverPort(node.mqttPort()).buildBlocking();
    sub.connect();
    var publishes = sub.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL);
    sub.subscribeWith().topicFilter("a/+").qos(MqttQos.AT_LEAST_ONCE).send();
    Mqtt5BlockingClient pub = Mqtt5Client.builder().identifier("pub").serverHost("127.0.0.1").serverPort(node.mqttPort()).buildBlocking();
    pub.connect();
    pub.publishWith().topic("a/b").qos(MqttQos.AT_LEAST_ONCE).payload("hello".getBytes(StandardCharsets.UTF_8)).send();
    Mqtt5Publish got = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
    assertThat(new String(got.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(got.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
    pub.disconnect();
    sub.disconnect();
  }
}
