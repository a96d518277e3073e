package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.RawMqttClient.PUBACK;
import static io.tenantmq.mqtt.RawMqttClient.PUBLISH;
import static io.tenantmq.mqtt.RawMqttClient.PUBREC;
import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Topic filters as the broker applies them to real subscriptions: wildcards, '$' topics, overlapping filters. */
class TopicMatchingTest extends SharedNodeTest {

  @Test
  void plusMatchesExactlyOneLevel() {
    String root = unique("plus");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), root + "/+/c", 1, inbox);
    try {
      for (String topic : List.of(root + "/x/y/c", root + "/c", root + "/x/d", root + "/x/c", root + "//c")) {
        TestClients.publish(pub, topic, topic, 1);
      }
      assertThat(inbox.awaitExactly(2)).extracting(Inbox.Msg::topic).containsExactly(root + "/x/c", root + "//c");
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void hashMatchesTheParentAndEveryDescendant() {
    String root = unique("hash");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), root + "/#", 1, inbox);
    try {
      for (String topic : List.of(root + "x", root, root + "/a", root + "/a/b/c", "other/" + root)) {
        TestClients.publish(pub, topic, topic, 1);
      }
      assertThat(inbox.awaitExactly(3)).extracting(Inbox.Msg::topic)
          .containsExactly(root, root + "/a", root + "/a/b/c");
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void unsubscribeStopsDelivery() {
    String topic = unique("unsub");
    String marker = unique("unsub-marker");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), topic, 1, inbox);
    try {
      sub.toAsync().subscribeWith().topicFilter(marker).qos(TestClients.qos(1)).callback(inbox::accept).send().join();
      sub.unsubscribeWith().topicFilter(topic).send();
      TestClients.publish(pub, topic, "after unsubscribe", 1);
      TestClients.publish(pub, marker, "marker", 1);
      assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("marker");
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void dollarTopicsAreNotMatchedByALeadingWildcard() {
    String level = unique("dollar");
    Inbox all = new Inbox();
    Inbox plus = new Inbox();
    Inbox sys = new Inbox();
    Mqtt5BlockingClient allSub = TestClients.v5Subscriber(node.mqttPort(), unique("all"), "#", 1, all);
    Mqtt5BlockingClient plusSub = TestClients.v5Subscriber(node.mqttPort(), unique("plus"), "+/" + level, 1, plus);
    Mqtt5BlockingClient sysSub = TestClients.v5Subscriber(node.mqttPort(), unique("sys"), "$SYS/#", 1, sys);
    try {
      TestClients.publish(pub, "$SYS/" + level, "sys", 1);
      // published after the $SYS message on the same connection: once it is in, the $SYS one would have been too
      TestClients.publish(pub, "marker/" + level, "marker", 1);

      assertThat(sys.awaitOne().topic()).isEqualTo("$SYS/" + level);
      plus.awaitTopic("marker/" + level);
      all.awaitTopic("marker/" + level);
      // '#' also sees whatever else this class publishes; only this test's topics count
      assertThat(all.all()).extracting(Inbox.Msg::topic).filteredOn(t -> t.endsWith(level))
          .containsExactly("marker/" + level);
      assertThat(plus.all()).extracting(Inbox.Msg::topic).containsExactly("marker/" + level);
      sys.assertStaysAt(1);
    } finally {
      allSub.disconnect();
      plusSub.disconnect();
      sysSub.disconnect();
    }
  }

  @Test
  void overlappingSubscriptionsDeliverOnceAtTheHighestGrantedQos() throws Exception {
    String root = unique("overlap");
    try (RawMqttClient sub = RawMqttClient.connect(node.mqttPort(), unique("sub"), true)) {
      assertThat(sub.subscribe(1, root + "/#", 0)).isZero();
      assertThat(sub.subscribe(2, root + "/b", 2)).isEqualTo(2);
      assertThat(sub.subscribe(3, root + "/+", 1)).isEqualTo(1);

      TestClients.publish(pub, root + "/b", "both", 2);
      RawMqttClient.Packet got = sub.expect(PUBLISH);
      assertThat(got.topic()).isEqualTo(root + "/b");
      assertThat(got.qos()).isEqualTo(2);
      sub.send(RawMqttClient.ackPacket(PUBREC, got.packetId()));
      sub.expect(RawMqttClient.PUBREL);
      sub.send(RawMqttClient.ackPacket(RawMqttClient.PUBCOMP, got.packetId()));

      // root/c matches root/# (QoS 0) and root/+ (QoS 1)
      TestClients.publish(pub, root + "/c", "two", 2);
      RawMqttClient.Packet second = sub.expect(PUBLISH);
      assertThat(second.topic()).isEqualTo(root + "/c");
      assertThat(second.qos()).isEqualTo(1);
      sub.send(RawMqttClient.ackPacket(PUBACK, second.packetId()));

      // a marker proves the connection still delivers, and that nothing was sent twice before it
      TestClients.publish(pub, root + "/x/y", "marker", 0);
      RawMqttClient.Packet marker = sub.read(Duration.ofSeconds(5));
      assertThat(marker.type()).isEqualTo(PUBLISH);
      assertThat(marker.payload()).isEqualTo("marker");
    }
  }
}
