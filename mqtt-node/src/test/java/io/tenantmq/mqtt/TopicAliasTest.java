package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.RawMqttClient.DISCONNECT;
import static io.tenantmq.mqtt.RawMqttClient.PROP_REASON_STRING;
import static io.tenantmq.mqtt.RawMqttClient.PROP_TOPIC_ALIAS;
import static io.tenantmq.mqtt.RawMqttClient.PROP_TOPIC_ALIAS_MAXIMUM;
import static io.tenantmq.mqtt.RawMqttClient.PUBLISH;
import static io.tenantmq.mqtt.RawMqttClient.properties;
import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Topic aliases in both directions [MQTT-3.3.2.3.4], on a node whose Topic Alias Maximum is 4. */
class TopicAliasTest {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);
  private static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = LimitsNode.shared();
  }

  @Test
  void connackAnnouncesTheTopicAliasMaximum() {
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(unique("alias-max")).serverHost("127.0.0.1")
        .serverPort(node.mqttPort()).buildBlocking();
    Mqtt5ConnAck connack = c.connect();
    try {
      assertThat(connack.getRestrictions().getTopicAliasMaximum()).isEqualTo(LimitsNode.TOPIC_ALIAS_MAXIMUM);
    } finally {
      c.disconnect();
    }
  }

  @Test
  void aliasSetWithATopicResolvesLaterPublishesWithAnEmptyTopic() throws Exception {
    String topic = unique("alias/in");
    String other = unique("alias/in2");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), "alias/#", 1, inbox);
    try (RawMqttClient pub = RawMqttClient.connect5(node.mqttPort(), unique("pub"), 0, properties())) {
      pub.send(RawMqttClient.publish5Packet(topic, "first", 0, 0, properties().twoByte(PROP_TOPIC_ALIAS, 1)));
      pub.send(RawMqttClient.publish5Packet("", "second", 0, 0, properties().twoByte(PROP_TOPIC_ALIAS, 1)));
      // a topic with a known alias replaces what the alias stands for
      pub.send(RawMqttClient.publish5Packet(other, "third", 0, 0, properties().twoByte(PROP_TOPIC_ALIAS, 1)));
      pub.send(RawMqttClient.publish5Packet("", "fourth", 1, 7, properties().twoByte(PROP_TOPIC_ALIAS, 1)));
      assertThat(pub.expect(RawMqttClient.PUBACK).packetId()).isEqualTo(7);

      assertThat(inbox.awaitExactly(4)).extracting(Inbox.Msg::topic, Inbox.Msg::payload).containsExactly(
          org.assertj.core.groups.Tuple.tuple(topic, "first"), org.assertj.core.groups.Tuple.tuple(topic, "second"),
          org.assertj.core.groups.Tuple.tuple(other, "third"), org.assertj.core.groups.Tuple.tuple(other, "fourth"));
    } finally {
      sub.disconnect();
    }
  }

  @ParameterizedTest(name = "alias {0}")
  @ValueSource(ints = {0, LimitsNode.TOPIC_ALIAS_MAXIMUM + 1})
  void aliasZeroOrAboveTheMaximumGetsDisconnect0x94(int alias) throws Exception {
    try (RawMqttClient pub = RawMqttClient.connect5(node.mqttPort(), unique("bad-alias"), 0, properties())) {
      pub.send(RawMqttClient.publish5Packet(unique("alias/bad"), "x", 0, 0, properties().twoByte(PROP_TOPIC_ALIAS, alias)));
      RawMqttClient.Packet disconnect = pub.expect(DISCONNECT);
      assertThat(disconnect.disconnectReason()).isEqualTo(0x94);
      assertThat((String) disconnect.properties().get(PROP_REASON_STRING)).contains("topic alias");
      assertThat(pub.closedWithin(CLOSE_TIMEOUT)).isTrue();
    }
  }

  @Test
  void emptyTopicWithAnAliasNeverSetIsAProtocolError() throws Exception {
    try (RawMqttClient pub = RawMqttClient.connect5(node.mqttPort(), unique("unknown-alias"), 0, properties())) {
      pub.send(RawMqttClient.publish5Packet("", "x", 0, 0, properties().twoByte(PROP_TOPIC_ALIAS, 2)));
      assertThat(pub.expect(DISCONNECT).disconnectReason()).isEqualTo(0x82);
      assertThat(pub.closedWithin(CLOSE_TIMEOUT)).isTrue();
    }
  }

  @Test
  void emptyTopicWithoutAliasIsAProtocolError() throws Exception {
    try (RawMqttClient pub = RawMqttClient.connect5(node.mqttPort(), unique("no-alias"), 0, properties())) {
      pub.send(RawMqttClient.publish5Packet("", "x", 0, 0, properties()));
      assertThat(pub.expect(DISCONNECT).disconnectReason()).isEqualTo(0x82);
      assertThat(pub.closedWithin(CLOSE_TIMEOUT)).isTrue();
    }
  }

  @Test
  void aliasesDoNotCarryOverToTheNextConnection() throws Exception {
    String clientId = unique("alias-reconnect");
    try (RawMqttClient pub = RawMqttClient.connect5(node.mqttPort(), clientId, 0, properties())) {
      pub.send(RawMqttClient.publish5Packet(unique("alias/once"), "x", 1, 1, properties().twoByte(PROP_TOPIC_ALIAS, 1)));
      pub.expect(RawMqttClient.PUBACK);
    }
    try (RawMqttClient pub = RawMqttClient.connect5(node.mqttPort(), clientId, 0, properties())) {
      pub.send(RawMqttClient.publish5Packet("", "y", 0, 0, properties().twoByte(PROP_TOPIC_ALIAS, 1)));
      assertThat(pub.expect(DISCONNECT).disconnectReason()).isEqualTo(0x82);
    }
  }

  @Test
  void deliveriesUseAliasesUpToTheClientsMaximumOnly() throws Exception {
    String prefix = unique("alias/out");
    Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("pub"));
    try (RawMqttClient sub = RawMqttClient.connect5(node.mqttPort(), unique("sub"), 0,
        properties().twoByte(PROP_TOPIC_ALIAS_MAXIMUM, 2))) {
      sub.send(RawMqttClient.subscribe5Packet(1, prefix + "/#", 0));
      sub.expect(RawMqttClient.SUBACK);
      for (String level : List.of("a", "a", "b", "c", "a", "b", "c")) {
        TestClients.publish(pub, prefix + "/" + level, level, 0);
      }
      // [topic on the wire, alias] of each delivery: a and b get aliases 1 and 2, c none (the client allows 2)
      assertDelivery(sub.expect(PUBLISH), prefix + "/a", 1, "a");
      assertDelivery(sub.expect(PUBLISH), "", 1, "a");
      assertDelivery(sub.expect(PUBLISH), prefix + "/b", 2, "b");
      assertDelivery(sub.expect(PUBLISH), prefix + "/c", null, "c");
      assertDelivery(sub.expect(PUBLISH), "", 1, "a");
      assertDelivery(sub.expect(PUBLISH), "", 2, "b");
      assertDelivery(sub.expect(PUBLISH), prefix + "/c", null, "c");
    } finally {
      pub.disconnect();
    }
  }

  @Test
  void clientThatAllowsNoAliasesGetsNone() throws Exception {
    String topic = unique("alias/none");
    Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("pub"));
    try (RawMqttClient sub = RawMqttClient.connect5(node.mqttPort(), unique("sub"), 0, properties())) {
      sub.send(RawMqttClient.subscribe5Packet(1, topic, 0));
      sub.expect(RawMqttClient.SUBACK);
      TestClients.publish(pub, topic, "1", 0);
      TestClients.publish(pub, topic, "2", 0);
      assertDelivery(sub.expect(PUBLISH), topic, null, "1");
      assertDelivery(sub.expect(PUBLISH), topic, null, "2");
    } finally {
      pub.disconnect();
    }
  }

  /**
   * HiveMQ subscribes allowing 16 aliases (its default) and resolves those the node assigns; Paho v5 publishes, using
   * the 4 aliases the node allows for topics it repeats. (Paho 1.2.5 as a subscriber does not resolve aliases itself:
   * eclipse-paho/paho.mqtt.java#866.)
   */
  @Test
  void pahoPublisherAndHivemqSubscriberKeepEveryTopicRight() throws Exception {
    String prefix = unique("alias/clients");
    Inbox hive = new Inbox();
    Mqtt5BlockingClient hiveSub = TestClients.v5Subscriber(node.mqttPort(), unique("hive"), prefix + "/#", 1, hive);
    MqttClient pahoPub = new MqttClient("tcp://127.0.0.1:" + node.mqttPort(), unique("paho"), new MemoryPersistence());
    pahoPub.connect(new MqttConnectionOptions());
    try {
      List<String> levels = List.of("x", "y", "z", "x", "y", "z", "x");
      for (String level : levels) {
        // QoS 0: Paho 1.2.5 can count a completed QoS 1 publish as in flight a moment too long and refuse the next one
        // against the node's Receive Maximum of 3 (32202 "Too many publishes in progress")
        pahoPub.publish(prefix + "/" + level, TestClients.utf8(level), 0, false);
      }
      List<String> expected = levels.stream().map(l -> prefix + "/" + l).toList();
      assertThat(hive.awaitExactly(levels.size())).extracting(Inbox.Msg::topic).containsExactlyElementsOf(expected);
      assertThat(hive.payloads()).containsExactlyElementsOf(levels);
      assertThat(pahoPub.isConnected()).isTrue();
    } finally {
      hiveSub.disconnect();
      pahoPub.disconnect();
      pahoPub.close();
    }
  }

  private static void assertDelivery(RawMqttClient.Packet p, String wireTopic, Integer alias, String payload) {
    Map<Integer, Object> props = p.properties();
    assertThat(p.topic()).as("topic on the wire").isEqualTo(wireTopic);
    assertThat(props.get(PROP_TOPIC_ALIAS)).as("topic alias").isEqualTo(alias);
    assertThat(p.payload5()).isEqualTo(payload);
  }
}
