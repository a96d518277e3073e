package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import org.junit.jupiter.api.Test;

/** Retained messages: stored, replaced, cleared, and handed to new subscriptions with the RETAIN flag. */
class RetainedMessageTest extends SharedNodeTest {

  /** Subscribes a fresh client and returns what it gets once the retained messages had time to arrive. */
  private static Inbox subscribeAndCollect(String filter, int qos, int expected) {
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), filter, qos, inbox);
    try {
      inbox.awaitExactly(expected);
      return inbox;
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void retainedMessageIsDeliveredOnSubscribeWithTheRetainFlag() {
    String topic = unique("retain/set");
    TestClients.publishRetained(pub, topic, "v1", 1);
    Inbox.Msg got = subscribeAndCollect(topic, 1, 1).all().get(0);
    assertThat(got.topic()).isEqualTo(topic);
    assertThat(got.payload()).isEqualTo("v1");
    assertThat(got.retain()).isTrue();
    assertThat(got.qos()).isEqualTo(1);
  }

  @Test
  void retainedDeliveryUsesTheLowerOfMessageAndSubscriptionQos() {
    String topic = unique("retain/qos");
    TestClients.publishRetained(pub, topic, "v", 2);
    assertThat(subscribeAndCollect(topic, 1, 1).all().get(0).qos()).isEqualTo(1);
    assertThat(subscribeAndCollect(topic, 0, 1).all().get(0).qos()).isZero();
  }

  @Test
  void aNewRetainedMessageReplacesTheOldOne() {
    String topic = unique("retain/replace");
    TestClients.publishRetained(pub, topic, "v1", 1);
    TestClients.publishRetained(pub, topic, "v2", 1);
    assertThat(subscribeAndCollect(topic, 1, 1).payloads()).containsExactly("v2");
  }

  @Test
  void anEmptyRetainedMessageClearsTheTopic() {
    String topic = unique("retain/clear");
    TestClients.publishRetained(pub, topic, "v1", 1);
    assertThat(subscribeAndCollect(topic, 1, 1).payloads()).containsExactly("v1");
    TestClients.publishRetained(pub, topic, "", 1);
    subscribeAndCollect(topic, 1, 0);
  }

  @Test
  void liveDeliveryOfARetainedPublishHasNoRetainFlag() {
    String topic = unique("retain/live");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), topic, 1, inbox);
    try {
      TestClients.publishRetained(pub, topic, "live", 1);
      Inbox.Msg got = inbox.awaitExactly(1).get(0);
      assertThat(got.payload()).isEqualTo("live");
      // [MQTT-3.3.1-9] only messages sent because of a new subscription carry RETAIN
      assertThat(got.retain()).isFalse();
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void wildcardSubscriptionGetsEveryMatchingRetainedMessage() {
    String root = unique("retain/wild");
    TestClients.publishRetained(pub, root + "/a", "a", 1);
    TestClients.publishRetained(pub, root + "/b/c", "bc", 1);
    TestClients.publishRetained(pub, root + "x/a", "other", 1);
    TestClients.publish(pub, root + "/not-retained", "n", 1);

    assertThat(subscribeAndCollect(root + "/#", 1, 2).all())
        .extracting(Inbox.Msg::topic, Inbox.Msg::payload, Inbox.Msg::retain)
        .containsExactlyInAnyOrder(tuple(root + "/a", "a", true), tuple(root + "/b/c", "bc", true));
    assertThat(subscribeAndCollect(root + "/+", 1, 1).payloads()).containsExactly("a");
  }
}
