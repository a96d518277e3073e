package io.tenantmq.mqtt.auth;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubRecException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.pubrec.Mqtt5PubRecReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.tenantmq.mqtt.Inbox;
import io.tenantmq.mqtt.TestClients;
import io.tenantmq.mqtt.TestNode;
import io.tenantmq.mqtt.TestUsers;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PermRead and PermWrite on every SUBSCRIBE and PUBLISH: MQTT 5 clients are told 0x87; MQTT 3.1.1 clients get 0x80
 * for a SUBSCRIBE and the normal acknowledgement for a PUBLISH that is then dropped [MQTT-3.3.5-2].
 */
class PermissionTest {

  static TestNode node;
  static int port;
  static String readOnly;
  static String writeOnly;
  /** An anonymous loopback client: may do everything. */
  static Mqtt5BlockingClient anonymous;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.shared();
    port = node.mqttPort();
    readOnly = TestUsers.create(node, TestNode.INSTANCE_ID, unique("reader"), true, false);
    writeOnly = TestUsers.create(node, TestNode.INSTANCE_ID, unique("writer"), false, true);
    anonymous = TestClients.v5(port, unique("anon"));
  }

  @AfterAll
  static void stop() {
    anonymous.disconnect();
  }

  private static Inbox subscribeAnonymously(String topic) throws Exception {
    Inbox inbox = new Inbox();
    anonymous.toAsync().subscribeWith().topicFilter(topic).qos(TestClients.qos(2)).callback(inbox::accept).send()
        .get(5, TimeUnit.SECONDS);
    return inbox;
  }

  private static MqttClient paho311(String username) throws Exception {
    MqttClient c = TestClients.paho3(port, unique("paho"), null);
    MqttConnectOptions o = TestClients.paho3Options(MqttConnectOptions.MQTT_VERSION_3_1_1, true);
    o.setUserName(username);
    o.setPassword(TestUsers.PASSWORD.toCharArray());
    c.connect(o);
    return c;
  }

  @Test
  void mqtt5SubscribeWithoutPermReadGets0x87() {
    Mqtt5BlockingClient c = TestUsers.v5Connected(port, unique("w5"), writeOnly);
    try {
      Mqtt5SubAckException e = catchThrowableOfType(Mqtt5SubAckException.class,
          () -> c.subscribeWith().topicFilter(unique("denied/t")).qos(TestClients.qos(1)).send());
      assertThat(e.getMqttMessage().getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
      assertThat(e.getMqttMessage().getReasonCodes().get(0).getCode()).isEqualTo(0x87);
    } finally {
      c.disconnect();
    }
  }

  @Test
  void mqtt311SubscribeWithoutPermReadGets0x80() throws Exception {
    MqttClient c = paho311(writeOnly);
    try {
      int granted;
      try {
        IMqttToken token = c.subscribeWithResponse(unique("denied/t"), 1);
        granted = token.getGrantedQos()[0];
      } catch (MqttException e) {
        // Paho reports a 0x80 return code as this failure
        granted = e.getReasonCode();
      }
      assertThat(granted).isEqualTo(0x80);
      assertThat(c.isConnected()).isTrue();
    } finally {
      c.disconnect();
      c.close();
    }
  }

  @Test
  void readOnlyUserMaySubscribeAndReceive() throws Exception {
    String topic = unique("read/t");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient c = TestUsers.v5Connected(port, unique("r5"), readOnly);
    try {
      c.toAsync().subscribeWith().topicFilter(topic).qos(TestClients.qos(1)).callback(inbox::accept).send()
          .get(5, TimeUnit.SECONDS);
      TestClients.publish(anonymous, topic, "for reader", 1);
      assertThat(inbox.awaitOne().payload()).isEqualTo("for reader");
    } finally {
      c.disconnect();
    }
  }

  @Test
  void mqtt5PublishWithoutPermWriteIsAnsweredNotAuthorizedAndGoesNowhere() throws Exception {
    String topic = unique("denied/pub5");
    Inbox inbox = subscribeAnonymously(topic);
    Mqtt5BlockingClient c = TestUsers.v5Connected(port, unique("r5"), readOnly);
    try {
      c.publishWith().topic(topic).qos(TestClients.qos(0)).payload(TestClients.utf8("q0")).send();
      Mqtt5PubAckException q1 = catchThrowableOfType(Mqtt5PubAckException.class, () -> c.publishWith().topic(topic)
          .qos(TestClients.qos(1)).payload(TestClients.utf8("q1")).send());
      Mqtt5PubRecException q2 = catchThrowableOfType(Mqtt5PubRecException.class, () -> c.publishWith().topic(topic)
          .qos(TestClients.qos(2)).retain(true).payload(TestClients.utf8("q2")).send());

      Mqtt5PubAckReasonCode pubAck = q1.getMqttMessage().getReasonCode();
      assertThat(pubAck).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
      assertThat(pubAck.getCode()).isEqualTo(0x87);
      Mqtt5PubRecReasonCode pubRec = q2.getMqttMessage().getReasonCode();
      assertThat(pubRec).isEqualTo(Mqtt5PubRecReasonCode.NOT_AUTHORIZED);
      assertThat(pubRec.getCode()).isEqualTo(0x87);

      // a later allowed publish is the only message; the denied retained one was not kept either
      TestClients.publish(anonymous, topic, "marker", 1);
      assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("marker");
      Inbox late = new Inbox();
      Mqtt5BlockingClient lateSub = TestClients.v5Subscriber(port, unique("late"), topic, 1, late);
      late.assertStaysAt(0);
      lateSub.disconnect();
      assertThat(c.getState().isConnected()).isTrue();
    } finally {
      c.disconnect();
    }
  }

  @Test
  void mqtt311PublishWithoutPermWriteIsAcknowledgedAndDropped() throws Exception {
    String topic = unique("denied/pub3");
    Inbox inbox = subscribeAnonymously(topic);
    MqttClient c = paho311(readOnly);
    try {
      // the blocking publishes return only once PUBACK / PUBCOMP arrive: neither flow is left hanging
      c.publish(topic, TestClients.utf8("q0"), 0, false);
      c.publish(topic, TestClients.utf8("q1"), 1, false);
      c.publish(topic, TestClients.utf8("q2"), 2, false);
      assertThat(c.isConnected()).isTrue();

      TestClients.publish(anonymous, topic, "marker", 1);
      assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("marker");
    } finally {
      c.disconnect();
      c.close();
    }
  }

  @Test
  void writeOnlyUserPublishesToSubscribers() throws Exception {
    String topic = unique("write/t");
    Inbox inbox = subscribeAnonymously(topic);
    MqttClient paho = paho311(writeOnly);
    Mqtt5BlockingClient hive = TestUsers.v5Connected(port, unique("w5"), writeOnly);
    try {
      paho.publish(topic, TestClients.utf8("from 3.1.1"), 1, false);
      TestClients.publish(hive, topic, "from 5", 2);
      assertThat(inbox.await(2)).extracting(Inbox.Msg::payload).containsExactlyInAnyOrder("from 3.1.1", "from 5");
    } finally {
      paho.disconnect();
      paho.close();
      hive.disconnect();
    }
  }

  @Test
  void willOfAUserWithoutPermWriteIsNotPublished() throws Exception {
    String topic = unique("will/t");
    Inbox inbox = subscribeAnonymously(topic);
    Mqtt5BlockingClient reader = TestUsers.v5(port, unique("r-will"), readOnly, TestUsers.PASSWORD, null);
    reader.connectWith().willPublish().topic(topic).payload(TestClients.utf8("reader's will")).applyWillPublish().send();
    Mqtt5BlockingClient writer = TestUsers.v5(port, unique("w-will"), writeOnly, TestUsers.PASSWORD, null);
    writer.connectWith().willPublish().topic(topic).payload(TestClients.utf8("writer's will")).applyWillPublish().send();

    // reason 0x04 asks the server to send the will as if the connection had dropped
    reader.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();
    writer.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();

    assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("writer's will");
  }
}
