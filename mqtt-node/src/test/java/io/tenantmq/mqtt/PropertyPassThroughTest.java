package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import org.junit.jupiter.api.Test;

/**
 * Request/response and the other pass-through properties reach a subscriber on the same node unchanged, live and
 * through a retained message ({@link PassThroughProperties}); across nodes: {@link PropertyPassThroughClusterTest}.
 */
class PropertyPassThroughTest extends SharedNodeTest {

  @Test
  void requestAndResponseTravelWithResponseTopicAndCorrelationData() {
    String requests = unique("rr/requests");
    String replies = unique("rr/replies");
    Mqtt5Clients.Received<Mqtt5Publish> atResponder = new Mqtt5Clients.Received<>();
    Mqtt5Clients.Received<Mqtt5Publish> atRequester = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient responder = Mqtt5Clients.hivemq(node.mqttPort(), unique("responder"), true, 0, atResponder);
    Mqtt5BlockingClient requester = Mqtt5Clients.hivemq(node.mqttPort(), unique("requester"), true, 0, atRequester);
    try {
      responder.subscribeWith().topicFilter(requests).qos(MqttQos.AT_LEAST_ONCE).send();
      requester.subscribeWith().topicFilter(replies).qos(MqttQos.AT_LEAST_ONCE).send();

      PassThroughProperties.publish(requester, requests, "{\"ask\":1}", replies, false);
      Mqtt5Publish request = atResponder.awaitExactly(1).get(0);
      PassThroughProperties.assertUnchanged(request, replies);

      PassThroughProperties.reply(responder, request, "{\"answer\":42}");
      Mqtt5Publish reply = atRequester.awaitExactly(1).get(0);
      assertThat(Mqtt5Clients.payload(reply)).isEqualTo("{\"answer\":42}");
      assertThat(PassThroughProperties.correlation(reply)).hasValueSatisfying(
          c -> assertThat(c).isEqualTo(PassThroughProperties.CORRELATION));
    } finally {
      responder.disconnect();
      requester.disconnect();
    }
  }

  @Test
  void aRetainedMessageKeepsItsProperties() {
    String topic = unique("rr/retained");
    PassThroughProperties.publish(pub, topic, "state", "rr/replies/x", true);
    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient sub = Mqtt5Clients.hivemq(node.mqttPort(), unique("late"), true, 0, got);
    try {
      sub.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      Mqtt5Publish p = got.awaitExactly(1).get(0);
      assertThat(p.isRetain()).isTrue();
      PassThroughProperties.assertUnchanged(p, "rr/replies/x");
    } finally {
      pub.publishWith().topic(topic).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();
      sub.disconnect();
    }
  }
}
