package io.tenantmq.mqtt.auth;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.ClientState;
import io.tenantmq.mqtt.Inbox;
import io.tenantmq.mqtt.TestClients;
import io.tenantmq.mqtt.TestNode;
import io.tenantmq.mqtt.TestUsers;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MQTT users at CONNECT: a plain username logs in to the listener's default instance, {@code user@instanceId} to that
 * instance; anything wrong is "bad username or password" and changes nothing.
 */
class MqttUserAuthenticationTest {

  static TestNode node;
  static int port;
  static String otherInstance;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.shared();
    port = node.mqttPort();
    otherInstance = TestUsers.createInstance(node, unique("other"));
  }

  private static Optional<ClientRecord> record(String instanceId, String clientId) throws Exception {
    return node.registry.get(new ClientKey(instanceId, clientId)).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static MqttConnectOptions paho3Login(String username, String password) {
    MqttConnectOptions o = TestClients.paho3Options(MqttConnectOptions.MQTT_VERSION_3_1_1, true);
    o.setUserName(username);
    o.setPassword(password.toCharArray());
    return o;
  }

  private static int v5Refusal(String clientId, String username, String password) {
    Mqtt5ConnAckException e = catchThrowableOfType(Mqtt5ConnAckException.class,
        () -> TestUsers.v5(port, clientId, username, password, null).connect());
    assertThat(e).as("CONNECT of %s is refused", username).isNotNull();
    return e.getMqttMessage().getReasonCode().getCode();
  }

  @Test
  void mqtt5UserWithTheRightPasswordConnectsAndIsRecordedUnderItsName() throws Exception {
    String user = TestUsers.create(node, TestNode.INSTANCE_ID, unique("alice"), true, true);
    String clientId = unique("alice-c");
    Mqtt5BlockingClient c = TestUsers.v5(port, clientId, user, TestUsers.PASSWORD, null);
    assertThat(c.connect().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
    try {
      ClientRecord r = record(TestNode.INSTANCE_ID, clientId).orElseThrow();
      assertThat(r.username()).isEqualTo(user);
      assertThat(r.state()).isEqualTo(ClientState.CONNECTED);
    } finally {
      c.disconnect();
    }
  }

  @Test
  void paho311UserWithTheRightPasswordConnects() throws Exception {
    String user = TestUsers.create(node, TestNode.INSTANCE_ID, unique("paho"), true, true);
    MqttClient c = TestClients.paho3(port, unique("paho-c"), null);
    c.connect(paho3Login(user, TestUsers.PASSWORD));
    try {
      assertThat(c.isConnected()).isTrue();
    } finally {
      c.disconnect();
      c.close();
    }
  }

  @Test
  void wrongPasswordIsRefusedWith0x86ForMqtt5And0x04ForMqtt311AndLeavesNoRecord() throws Exception {
    String user = TestUsers.create(node, TestNode.INSTANCE_ID, unique("wrong"), true, true);
    String v5Id = unique("wrong-v5");
    assertThat(v5Refusal(v5Id, user, "not-" + TestUsers.PASSWORD)).isEqualTo(0x86);

    String v3Id = unique("wrong-v3");
    MqttClient paho = TestClients.paho3(port, v3Id, null);
    MqttException e = catchThrowableOfType(MqttException.class,
        () -> paho.connect(paho3Login(user, "not-" + TestUsers.PASSWORD)));
    paho.close();
    assertThat(e.getReasonCode()).isEqualTo(0x04).isEqualTo((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION);

    assertThat(record(TestNode.INSTANCE_ID, v5Id)).isEmpty();
    assertThat(record(TestNode.INSTANCE_ID, v3Id)).isEmpty();
  }

  @Test
  void unknownUserIsRefusedAsBadUsernameOrPassword() {
    assertThat(v5Refusal(unique("nobody-v5"), unique("nobody"), TestUsers.PASSWORD)).isEqualTo(0x86);
    Mqtt3ConnAckException v3 = catchThrowableOfType(Mqtt3ConnAckException.class, () -> Mqtt3Client.builder()
        .identifier(unique("nobody-v3")).serverHost("127.0.0.1").serverPort(port).buildBlocking()
        .connectWith().simpleAuth().username(unique("nobody")).password(TestClients.utf8("x")).applySimpleAuth().send());
    assertThat(v3.getMqttMessage().getReturnCode()).isEqualTo(Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD);
  }

  @Test
  void unknownInstanceIsRefusedAsBadUsernameOrPassword() throws Exception {
    String user = TestUsers.create(node, TestNode.INSTANCE_ID, unique("lost"), true, true);
    // the user exists, but not in the instance its name points at
    assertThat(v5Refusal(unique("lost-c"), user + "@" + unique("no-such-instance"), TestUsers.PASSWORD))
        .isEqualTo(0x86);
  }

  @Test
  void usernameWithoutPasswordIsRefused() throws Exception {
    String user = TestUsers.create(node, TestNode.INSTANCE_ID, unique("nopw"), true, true);
    Mqtt5ConnAckException e = catchThrowableOfType(Mqtt5ConnAckException.class, () -> Mqtt5Client.builder()
        .identifier(unique("nopw-c")).serverHost("127.0.0.1").serverPort(port).buildBlocking()
        .connectWith().simpleAuth().username(user).applySimpleAuth().send());
    assertThat(e.getMqttMessage().getReasonCode().getCode()).isEqualTo(0x86);
  }

  @Test
  void refusedLoginDoesNotTakeOverTheConnectedClientWithThatId() throws Exception {
    String user = TestUsers.create(node, TestNode.INSTANCE_ID, unique("holder"), true, true);
    String clientId = unique("held");
    Mqtt5BlockingClient holder = TestUsers.v5Connected(port, clientId, user);
    try {
      String channel = record(TestNode.INSTANCE_ID, clientId).orElseThrow().channelId();

      assertThat(v5Refusal(clientId, user, "guess")).isEqualTo(0x86);
      assertThat(v5Refusal(clientId, unique("intruder"), "guess")).isEqualTo(0x86);

      assertThat(holder.getState().isConnected()).isTrue();
      ClientRecord after = record(TestNode.INSTANCE_ID, clientId).orElseThrow();
      assertThat(after.channelId()).isEqualTo(channel);
      assertThat(after.state()).isEqualTo(ClientState.CONNECTED);
      // the holder still works: it receives what it subscribed to
      Inbox inbox = new Inbox();
      String topic = unique("held/t");
      holder.toAsync().subscribeWith().topicFilter(topic).callback(inbox::accept).send().get(5, TimeUnit.SECONDS);
      holder.publishWith().topic(topic).payload(TestClients.utf8("still here")).send();
      assertThat(inbox.awaitOne().payload()).isEqualTo("still here");
    } finally {
      holder.disconnect();
    }
  }

  @Test
  void userAtInstanceIdLogsInToThatInstanceWhichSharesNothingWithTheDefault() throws Exception {
    String user = TestUsers.create(node, otherInstance, unique("bob"), true, true);
    // one client id and one topic in both instances
    String clientId = unique("twin");
    String topic = unique("twin/t");
    Inbox inDefault = new Inbox();
    Inbox inOther = new Inbox();
    Mqtt5BlockingClient anonymous = TestClients.v5Subscriber(port, clientId, topic, 1, inDefault);
    Mqtt5BlockingClient bob = TestUsers.v5Connected(port, clientId, user + "@" + otherInstance);
    try {
      bob.toAsync().subscribeWith().topicFilter(topic).qos(TestClients.qos(1)).callback(inOther::accept).send()
          .get(5, TimeUnit.SECONDS);
      // the second CONNECT with that client id took nothing over: it is another instance's client
      assertThat(anonymous.getState().isConnected()).isTrue();
      assertThat(record(TestNode.INSTANCE_ID, clientId).orElseThrow().username()).isNull();
      assertThat(record(otherInstance, clientId).orElseThrow().username()).isEqualTo(user);

      TestClients.publish(anonymous, topic, "default", 1);
      TestClients.publish(bob, topic, "other", 1);

      assertThat(inDefault.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("default");
      assertThat(inOther.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("other");
    } finally {
      anonymous.disconnect();
      bob.disconnect();
    }
  }

  @Test
  void plainUsernameIsLookedUpInTheDefaultInstanceOnly() throws Exception {
    // a user of the other instance cannot log in without naming it
    String user = TestUsers.create(node, otherInstance, unique("carol"), true, true);
    assertThat(v5Refusal(unique("carol-c"), user, TestUsers.PASSWORD)).isEqualTo(0x86);
  }

  @Test
  void anonymousLoopbackClientStillConnectsAndMayPublishAndSubscribe() {
    String topic = unique("anon/t");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient c = TestClients.v5Subscriber(port, unique("anon"), topic, 1, inbox);
    try {
      TestClients.publish(c, topic, "hello", 1);
      assertThat(inbox.awaitOne().payload()).isEqualTo("hello");
    } finally {
      c.disconnect();
    }
  }
}
