package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shared subscriptions {@code $share/{group}/{filter}}: each message goes to one member of each group. */
class SharedSubscriptionTest extends SharedNodeTest {

  /** Asserts that {@code inboxes} together received each of {@code expected} exactly once and each got some. */
  static void assertSplitExactlyOnce(List<String> expected, Inbox... inboxes) {
    await().atMost(Duration.ofSeconds(10))
        .until(() -> IntStream.range(0, inboxes.length).map(i -> inboxes[i].all().size()).sum() >= expected.size());
    inboxes[0].assertStaysAt(inboxes[0].all().size());
    List<String> all = new ArrayList<>();
    for (Inbox inbox : inboxes) {
      assertThat(inbox.all()).as("every member gets some").isNotEmpty();
      all.addAll(inbox.payloads());
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void eachMessageGoesToExactlyOneMember() {
    String topic = unique("share/t");
    String group = unique("g");
    Inbox a = new Inbox();
    Inbox b = new Inbox();
    Inbox plain = new Inbox();
    Mqtt5BlockingClient memberA = TestClients.v5Subscriber(node.mqttPort(), unique("a"), "$share/" + group + "/" + topic, 1, a);
    Mqtt5BlockingClient memberB = TestClients.v5Subscriber(node.mqttPort(), unique("b"), "$share/" + group + "/" + topic, 1, b);
    Mqtt5BlockingClient ordinary = TestClients.v5Subscriber(node.mqttPort(), unique("plain"), topic, 1, plain);
    try {
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        sent.add("m" + i);
        TestClients.publish(pub, topic, "m" + i, 1);
      }
      assertSplitExactlyOnce(sent, a, b);
      // an ordinary subscription on the same topic is not part of the group
      assertThat(plain.awaitExactly(10)).extracting(Inbox.Msg::payload).containsExactlyElementsOf(sent);
    } finally {
      memberA.disconnect();
      memberB.disconnect();
      ordinary.disconnect();
    }
  }

  @Test
  void everyGroupGetsItsOwnCopy() {
    String topic = unique("share/groups");
    Inbox g1 = new Inbox();
    Inbox g2 = new Inbox();
    Mqtt5BlockingClient m1 = TestClients.v5Subscriber(node.mqttPort(), unique("m1"), "$share/one/" + topic, 1, g1);
    Mqtt5BlockingClient m2 = TestClients.v5Subscriber(node.mqttPort(), unique("m2"), "$share/two/" + topic, 1, g2);
    try {
      TestClients.publish(pub, topic, "x", 1);
      assertThat(g1.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("x");
      assertThat(g2.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("x");
    } finally {
      m1.disconnect();
      m2.disconnect();
    }
  }

  @Test
  void memberThatLeftGetsNothingMore() {
    String topic = unique("share/leave");
    String filter = "$share/g/" + topic;
    Inbox a = new Inbox();
    Inbox b = new Inbox();
    Mqtt5BlockingClient memberA = TestClients.v5Subscriber(node.mqttPort(), unique("a"), filter, 1, a);
    Mqtt5BlockingClient memberB = TestClients.v5Subscriber(node.mqttPort(), unique("b"), filter, 1, b);
    try {
      memberB.unsubscribeWith().topicFilter(filter).send();
      for (int i = 0; i < 4; i++) {
        TestClients.publish(pub, topic, "m" + i, 1);
      }
      assertThat(a.awaitExactly(4)).extracting(Inbox.Msg::payload).containsExactly("m0", "m1", "m2", "m3");
      assertThat(b.all()).isEmpty();
    } finally {
      memberA.disconnect();
      memberB.disconnect();
    }
  }
}
