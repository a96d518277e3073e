package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.tenantmq.control.registry.ClientKey;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

/**
 * Subscription options across nodes: deliveries routed from another node honour them, and they travel with a session
 * that moves to another node, or that a crashed node's survivors restore from the cluster's store.
 */
class SubscriptionOptionsClusterTest extends TwoNodeClusterTest {

  private static MqttSubscription options(String filter, boolean noLocal, boolean retainAsPublished) {
    MqttSubscription s = new MqttSubscription(filter, 1);
    s.setNoLocal(noLocal);
    s.setRetainAsPublished(retainAsPublished);
    return s;
  }

  @Test
  void noLocalAndRetainAsPublishedHoldForMessagesFromAnotherNode() {
    String topic = unique("opts2/route");
    Mqtt5Clients.Received<Mqtt5Publish> own = new Mqtt5Clients.Received<>();
    Mqtt5Clients.Received<Mqtt5Publish> remote = new Mqtt5Clients.Received<>();
    Mqtt5BlockingClient self = Mqtt5Clients.hivemq(a.mqttPort(), unique("self"), true, 0, own);
    Mqtt5BlockingClient onB = Mqtt5Clients.hivemq(b.mqttPort(), unique("on-b"), true, 0, remote);
    try {
      self.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).noLocal(true).send();
      onB.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).retainAsPublished(true).send();
      TestClients.awaitRoute(a, topic, b.node.nodeName());

      TestClients.publish(self, topic, "from-self", 1);
      TestClients.publishRetained(pubA, topic, "from-a", 1);

      assertThat(remote.awaitExactly(2)).extracting(Mqtt5Clients::payload, Mqtt5Publish::isRetain)
          .containsExactly(tuple("from-self", false), tuple("from-a", true));
      assertThat(own.awaitExactly(1)).extracting(Mqtt5Clients::payload, Mqtt5Publish::isRetain)
          .containsExactly(tuple("from-a", false));
    } finally {
      pubA.publishWith().topic(topic).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();
      self.disconnect();
      onB.disconnect();
    }
  }

  @Test
  void optionsAndIdentifiersMoveWithASessionToAnotherNode() throws Exception {
    String topic = unique("opts2/move");
    String clientId = unique("mover");
    Mqtt5Clients.Received<MqttMessage> before = new Mqtt5Clients.Received<>();
    MqttAsyncClient onA = Mqtt5Clients.paho(a.mqttPort(), clientId, true, 300, before);
    Mqtt5Clients.pahoSubscribe(onA, options(topic, true, true), 11);
    Mqtt5Clients.pahoSubscribe(onA, topic.substring(0, topic.lastIndexOf('/')) + "/#", 0, 12);
    Mqtt5Clients.close(onA);

    Mqtt5Clients.Received<MqttMessage> after = new Mqtt5Clients.Received<>();
    MqttAsyncClient onB = Mqtt5Clients.paho(b.mqttPort(), clientId, false, 300, after);
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> a.node.sessions().get(new ClientKey(TestNode.INSTANCE_ID,
          clientId)) == null);
      TestClients.awaitRoute(a, topic, b.node.nodeName());
      Mqtt5Clients.pahoPublish(onB, topic, "own", 1, false);
      TestClients.publishRetained(pubA, topic, "routed", 1);

      // own message: only through the '#' subscription (no No Local there), so with identifier 12 alone
      List<MqttMessage> got = after.awaitExactly(2);
      assertThat(got).extracting(Mqtt5Clients::payload).containsExactlyInAnyOrder("own", "routed");
      MqttMessage own = got.stream().filter(m -> Mqtt5Clients.payload(m).equals("own")).findFirst().orElseThrow();
      MqttMessage routed = got.stream().filter(m -> Mqtt5Clients.payload(m).equals("routed")).findFirst().orElseThrow();
      assertThat(own.getProperties().getSubscriptionIdentifiers()).containsExactly(12);
      assertThat(routed.getProperties().getSubscriptionIdentifiers()).containsExactlyInAnyOrder(11, 12);
      assertThat(routed.isRetained()).as("retain as published").isTrue();
      assertThat(routed.getQos()).isEqualTo(1);
    } finally {
      pubA.publishWith().topic(topic).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();
      Mqtt5Clients.close(onB);
    }
  }

  @Test
  void optionsSurviveACrashOfTheSessionsNode() throws Exception {
    TestNode c = TestNode.start(clusterName, "node-c-" + unique("crash"), new MqttNodeOptions());
    String topic = unique("opts2/crash");
    String clientId = unique("crash-victim");
    MqttAsyncClient onC = Mqtt5Clients.paho(c.mqttPort(), clientId, true, 300, new Mqtt5Clients.Received<>());
    Mqtt5Clients.pahoSubscribe(onC, options(topic, true, true), 21);

    c.crash();

    Mqtt5Clients.Received<MqttMessage> after = new Mqtt5Clients.Received<>();
    // reconnecting resumes what the cluster stored (the connected session's subscriptions and their options)
    MqttAsyncClient onA = Mqtt5Clients.paho(a.mqttPort(), clientId, false, 300, after);
    try {
      Mqtt5Clients.pahoPublish(onA, topic, "own", 1, false);
      TestClients.publishRetained(pubA, topic, "live", 1);
      List<MqttMessage> got = after.awaitExactly(1);
      assertThat(Mqtt5Clients.payload(got.get(0))).isEqualTo("live");
      assertThat(got.get(0).isRetained()).isTrue();
      assertThat(got.get(0).getProperties().getSubscriptionIdentifiers()).containsExactly(21);
    } finally {
      pubA.publishWith().topic(topic).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();
      Mqtt5Clients.close(onA);
      onC.close(true);
    }
  }
}
