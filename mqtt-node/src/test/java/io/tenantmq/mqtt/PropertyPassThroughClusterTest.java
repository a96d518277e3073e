package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import org.junit.jupiter.api.Test;

/**
 * The pass-through properties and the Message Expiry Interval cross the event bus between nodes unchanged: live, in
 * a request/response across nodes, and through a retained message stored by one node and read by another.
 */
class PropertyPassThroughClusterTest extends TwoNodeClusterTest {

  @Test
  void requestAndResponseAcrossNodesKeepEveryProperty() {
    String requests = unique("rr2/requests");
    String replies = unique("rr2/replies");
    Mqtt5Clients.Received<Mqtt5Publish> atResponder = new Mqtt5Clients.Received<>();
    Mqtt5Clients.Received<Mqtt5Publish> atRequester = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient responder = Mqtt5Clients.hivemq(b.mqttPort(), unique("responder-b"), true, 0, atResponder);
    Mqtt5BlockingClient requester = Mqtt5Clients.hivemq(a.mqttPort(), unique("requester-a"), true, 0, atRequester);
    try {
      responder.subscribeWith().topicFilter(requests).qos(MqttQos.AT_LEAST_ONCE).send();
      requester.subscribeWith().topicFilter(replies).qos(MqttQos.AT_LEAST_ONCE).send();
      TestClients.awaitRoute(a, requests, b.node.nodeName());
      TestClients.awaitRoute(b, replies, a.node.nodeName());

      PassThroughProperties.publish(requester, requests, "{\"ask\":1}", replies, false);
      Mqtt5Publish request = atResponder.awaitExactly(1).get(0);
      PassThroughProperties.assertUnchanged(request, replies);

      PassThroughProperties.reply(responder, request, "{\"answer\":42}");
      Mqtt5Publish reply = atRequester.awaitExactly(1).get(0);
      assertThat(PassThroughProperties.correlation(reply)).hasValueSatisfying(
          c -> assertThat(c).isEqualTo(PassThroughProperties.CORRELATION));
    } finally {
      responder.disconnect();
      requester.disconnect();
    }
  }

  @Test
  void theMessageExpiryIntervalIsForwardedToAnotherNode() {
    String topic = unique("rr2/expiry");
    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient sub = Mqtt5Clients.hivemq(b.mqttPort(), unique("exp-b"), true, 0, got);
    try {
      sub.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      TestClients.awaitRoute(a, topic, b.node.nodeName());
      pubA.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).messageExpiryInterval(120)
          .payload(TestClients.utf8("timed")).send();
      assertThat(got.awaitExactly(1).get(0).getMessageExpiryInterval().orElseThrow()).isBetween(118L, 120L);
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void aRetainedMessageStoredOnOneNodeKeepsItsPropertiesOnTheOther() {
    String topic = unique("rr2/retained");
    PassThroughProperties.publish(pubA, topic, "state", "rr2/replies/x", true);
    Mqtt5Clients.Received<Mqtt5Publish> got = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient sub = Mqtt5Clients.hivemq(b.mqttPort(), unique("late-b"), true, 0, got);
    try {
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
        sub.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
        assertThat(got.all()).isNotEmpty();
      });
      Mqtt5Publish p = got.all().get(0);
      assertThat(p.isRetain()).isTrue();
      PassThroughProperties.assertUnchanged(p, "rr2/replies/x");
    } finally {
      pubA.publishWith().topic(topic).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();
      sub.disconnect();
    }
  }
}
