package io.tenantmq.mqtt.auth;

import static io.tenantmq.control.acl.AclAction.ALL;
import static io.tenantmq.control.acl.AclAction.PUBLISH;
import static io.tenantmq.control.acl.AclAction.SUBSCRIBE;
import static io.tenantmq.control.acl.AclPermission.ALLOW;
import static io.tenantmq.control.acl.AclPermission.DENY;
import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.tenantmq.control.acl.AclDecision;
import io.tenantmq.control.acl.AclRule;
import io.tenantmq.mqtt.Inbox;
import io.tenantmq.mqtt.TestClients;
import io.tenantmq.mqtt.TestNode;
import io.tenantmq.mqtt.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Topic ACL rules of an instance enforced on real clients of a real node: MQTT 5 clients are told 0x87 for a denied
 * SUBSCRIBE filter or PUBLISH, MQTT 3.1.1 clients get 0x80 for the filter and an acknowledged, dropped PUBLISH;
 * placeholders, first-match order, rules over PermRead/PermWrite, changes reaching connected clients, and the rules of
 * one instance never applying to another's clients. Each test replaces the instance's whole list first.
 */
class TopicAclTest {

  static TestNode node;
  static int port;
  static String instance;
  /** May read and write: what the rules alone restrict. */
  static String dev;
  /** PermRead only. */
  static String reader;
  /** Reads and writes everything of the instance: the rules of every test allow it {@code #} first. */
  static Mqtt5BlockingClient watcher;
  static String watcherId;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.shared();
    port = node.mqttPort();
    instance = TestUsers.createInstance(node, "acl-" + UUID.randomUUID().toString().substring(0, 8));
    dev = TestUsers.create(node, instance, "dev", true, true) + "@" + instance;
    reader = TestUsers.create(node, instance, "reader", true, false) + "@" + instance;
    watcherId = unique("watcher");
  }

  @AfterAll
  static void stop() {
    if (watcher != null) {
      watcher.disconnect();
    }
  }

  /**
   * Replaces the instance's rules (after one that lets the watcher do everything) and waits until this node's copy
   * has them: the list ends with a marker rule only this list has.
   */
  private static void rules(AclRule... rules) throws Exception {
    List<AclRule> all = new ArrayList<>();
    all.add(new AclRule(ALLOW, ALL, "#", null, watcherId));
    all.addAll(List.of(rules));
    String marker = "marker/" + UUID.randomUUID();
    all.add(AclRule.forAll(DENY, PUBLISH, marker));
    node.control.acl().replace(instance, all).toCompletableFuture().get(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() ->
        node.control.acl().forClient(instance, "any", null).decide(PUBLISH, marker) == AclDecision.DENY);
  }

  /** A subscriber to {@code filter} in the test instance that the rules always let read. */
  private static Inbox watch(String filter) throws Exception {
    if (watcher == null) {
      rules();
      watcher = TestUsers.v5Connected(port, watcherId, dev);
    }
    Inbox inbox = new Inbox();
    watcher.toAsync().subscribeWith().topicFilter(filter).qos(TestClients.qos(1)).callback(inbox::accept).send()
        .get(10, TimeUnit.SECONDS);
    return inbox;
  }

  private static MqttClient paho311(String clientId, String username) throws Exception {
    MqttClient c = TestClients.paho3(port, clientId, null);
    MqttConnectOptions o = TestClients.paho3Options(MqttConnectOptions.MQTT_VERSION_3_1_1, true);
    o.setUserName(username);
    o.setPassword(TestUsers.PASSWORD.toCharArray());
    c.connect(o);
    return c;
  }

  private static List<Mqtt5SubAckReasonCode> subscribe(Mqtt5BlockingClient c, String... filters) {
    List<Mqtt5Subscription> subscriptions = new ArrayList<>();
    for (String f : filters) {
      subscriptions.add(Mqtt5Subscription.builder().topicFilter(f).qos(TestClients.qos(1)).build());
    }
    try {
      Mqtt5SubAck ack = c.subscribeWith().addSubscriptions(subscriptions).send();
      return ack.getReasonCodes();
    } catch (Mqtt5SubAckException e) {
      return e.getMqttMessage().getReasonCodes();
    }
  }

  /** The reason code of a QoS 1 PUBLISH's PUBACK. */
  private static Mqtt5PubAckReasonCode publish1(Mqtt5BlockingClient c, String topic, String payload) {
    Mqtt5PubAckException e = catchThrowableOfType(Mqtt5PubAckException.class, () -> TestClients.publish(c, topic,
        payload, 1));
    return e == null ? Mqtt5PubAckReasonCode.SUCCESS : e.getMqttMessage().getReasonCode();
  }

  @Test
  void mqtt5DeniedFilterGets0x87AndTheOtherFiltersOfTheSubscribeAreGranted() throws Exception {
    String p = unique("s5");
    rules(AclRule.forAll(DENY, SUBSCRIBE, p + "/secret/#"));
    Mqtt5BlockingClient c = TestUsers.v5Connected(port, unique("c"), dev);
    try {
      List<Mqtt5SubAckReasonCode> codes = subscribe(c, p + "/secret/a", p + "/open/a", p + "/secret/+");
      assertThat(codes).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED, Mqtt5SubAckReasonCode.GRANTED_QOS_1,
          Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
      assertThat(codes.get(0).getCode()).isEqualTo(0x87);
      // a filter wider than the rule is not the rule's business: it falls to PermRead (EMQX's matching)
      assertThat(subscribe(c, p + "/+/a")).containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
      assertThat(c.getState().isConnected()).isTrue();
    } finally {
      c.disconnect();
    }
  }

  @Test
  void mqtt311DeniedFilterGets0x80() throws Exception {
    String p = unique("s3");
    rules(AclRule.forAll(DENY, SUBSCRIBE, "eq " + p + "/#"));
    MqttClient c = paho311(unique("paho"), dev);
    try {
      int denied;
      try {
        denied = c.subscribeWithResponse(p + "/#", 1).getGrantedQos()[0];
      } catch (MqttException e) {
        denied = e.getReasonCode(); // Paho reports a 0x80 return code as this failure
      }
      assertThat(denied).isEqualTo(0x80);
      // eq: only that exact filter is denied
      assertThat(c.subscribeWithResponse(p + "/x", 1).getGrantedQos()[0]).isEqualTo(1);
      assertThat(c.isConnected()).isTrue();
    } finally {
      c.disconnect();
      c.close();
    }
  }

  @Test
  void mqtt5DeniedPublishGets0x87AndGoesNowhere() throws Exception {
    String p = unique("p5");
    Inbox inbox = watch(p + "/#");
    rules(AclRule.forAll(DENY, PUBLISH, p + "/closed/#"));
    Mqtt5BlockingClient c = TestUsers.v5Connected(port, unique("c"), dev);
    try {
      Mqtt5PubAckReasonCode code = publish1(c, p + "/closed/x", "denied");
      assertThat(code).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
      assertThat(code.getCode()).isEqualTo(0x87);
      assertThat(publish1(c, p + "/open", "allowed")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
      assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("allowed");
    } finally {
      c.disconnect();
    }
  }

  @Test
  void mqtt311DeniedPublishIsAcknowledgedAndDropped() throws Exception {
    String p = unique("p3");
    Inbox inbox = watch(p + "/#");
    rules(AclRule.forAll(DENY, PUBLISH, p + "/closed"));
    MqttClient c = paho311(unique("paho"), dev);
    try {
      // the blocking publishes return once PUBACK / PUBCOMP arrive: the flows complete, the messages go nowhere
      c.publish(p + "/closed", TestClients.utf8("q1"), 1, false);
      c.publish(p + "/closed", TestClients.utf8("q2"), 2, false);
      c.publish(p + "/open", TestClients.utf8("allowed"), 1, false);
      assertThat(c.isConnected()).isTrue();
      assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("allowed");
    } finally {
      c.disconnect();
      c.close();
    }
  }

  @Test
  void placeholdersAreEachConnectionsOwnClientIdAndUsername() throws Exception {
    String p = unique("ph");
    Inbox inbox = watch(p + "/#");
    rules(
        AclRule.forAll(ALLOW, PUBLISH, p + "/devices/${clientid}/#"),
        AclRule.forAll(DENY, PUBLISH, p + "/devices/#"),
        AclRule.forAll(ALLOW, SUBSCRIBE, p + "/users/${username}/#"),
        AclRule.forAll(DENY, SUBSCRIBE, p + "/users/#"));
    String id = unique("dev");
    Mqtt5BlockingClient c = TestUsers.v5Connected(port, id, dev);
    try {
      assertThat(publish1(c, p + "/devices/" + id + "/up", "mine")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
      assertThat(publish1(c, p + "/devices/other/up", "theirs")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
      assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("mine");
      // the user name is the user's own, without the @instance suffix it logged in with
      assertThat(subscribe(c, p + "/users/dev/+", p + "/users/reader/+"))
          .containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1, Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
    } finally {
      c.disconnect();
    }
  }

  @Test
  void theFirstMatchingRuleWinsAndAnAllowRuleGoesBeyondPermWrite() throws Exception {
    String p = unique("order");
    Inbox inbox = watch(p + "/#");
    rules(
        new AclRule(ALLOW, PUBLISH, p + "/reports/#", "reader", null),
        AclRule.forAll(DENY, ALL, p + "/reports/private"),
        AclRule.forAll(ALLOW, PUBLISH, p + "/reports/#"));
    Mqtt5BlockingClient readOnly = TestUsers.v5Connected(port, unique("ro"), reader);
    Mqtt5BlockingClient other = TestUsers.v5Connected(port, unique("dev"), dev);
    try {
      // reader has no PermWrite, but its own rule comes first
      assertThat(publish1(readOnly, p + "/reports/private", "by reader")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
      // for dev the deny comes before the allow that would match too
      assertThat(publish1(other, p + "/reports/private", "by dev")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
      assertThat(publish1(other, p + "/reports/public", "public")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
      // no rule matches: PermWrite decides
      assertThat(publish1(readOnly, p + "/elsewhere", "nope")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
      assertThat(inbox.awaitExactly(2)).extracting(Inbox.Msg::payload).containsExactlyInAnyOrder("by reader", "public");
    } finally {
      readOnly.disconnect();
      other.disconnect();
    }
  }

  @Test
  void aRuleChangeReachesAConnectedClientsNextPacketButLeavesItsSubscriptions() throws Exception {
    String p = unique("live");
    Inbox inbox = watch(p + "/#");
    rules();
    Mqtt5BlockingClient c = TestUsers.v5Connected(port, unique("c"), dev);
    Inbox own = new Inbox();
    c.toAsync().subscribeWith().topicFilter(p + "/sub").qos(TestClients.qos(1)).callback(own::accept).send()
        .get(10, TimeUnit.SECONDS);
    try {
      assertThat(publish1(c, p + "/t", "before")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
      rules(AclRule.forAll(DENY, ALL, p + "/#"));
      assertThat(publish1(c, p + "/t", "during")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
      assertThat(subscribe(c, p + "/other")).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
      // a subscription made before the deny keeps receiving (EMQX does not revoke either)
      TestClients.publish(watcher, p + "/sub", "still delivered", 1);
      assertThat(own.awaitOne().payload()).isEqualTo("still delivered");
      rules();
      assertThat(publish1(c, p + "/t", "after")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
      assertThat(inbox.await(3)).extracting(Inbox.Msg::payload).contains("before", "after").doesNotContain("during");
    } finally {
      c.disconnect();
    }
  }

  @Test
  void aResumedSessionLosesTheSubscriptionsTheRulesNowDeny() throws Exception {
    String p = unique("resume");
    rules();
    String id = unique("persistent");
    Inbox own = new Inbox();
    Mqtt5BlockingClient c = TestUsers.v5(port, id, dev, TestUsers.PASSWORD, null);
    c.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
    c.toAsync().subscribeWith().topicFilter(p + "/kept").qos(TestClients.qos(1)).send().get(10, TimeUnit.SECONDS);
    c.toAsync().subscribeWith().topicFilter(p + "/denied").qos(TestClients.qos(1)).send().get(10, TimeUnit.SECONDS);
    c.disconnect();
    rules(AclRule.forAll(DENY, SUBSCRIBE, p + "/denied"));
    c.toAsync().publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL, own::accept);
    assertThat(c.connectWith().cleanStart(false).sessionExpiryInterval(0).send().isSessionPresent()).isTrue();
    try {
      Mqtt5BlockingClient pub = TestUsers.v5Connected(port, unique("pub"), dev);
      TestClients.publish(pub, p + "/denied", "not for you", 1);
      TestClients.publish(pub, p + "/kept", "kept", 1);
      pub.disconnect();
      assertThat(own.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("kept");
    } finally {
      c.disconnect();
    }
  }

  @Test
  void aWillTheRulesDenyIsNotPublished() throws Exception {
    String p = unique("will");
    Inbox inbox = watch(p + "/#");
    rules(AclRule.forAll(DENY, PUBLISH, p + "/denied"));
    Mqtt5BlockingClient denied = TestUsers.v5(port, unique("w1"), dev, TestUsers.PASSWORD, null);
    denied.connectWith().willPublish().topic(p + "/denied").payload(TestClients.utf8("denied will")).applyWillPublish()
        .send();
    Mqtt5BlockingClient allowed = TestUsers.v5(port, unique("w2"), dev, TestUsers.PASSWORD, null);
    allowed.connectWith().willPublish().topic(p + "/allowed").payload(TestClients.utf8("allowed will"))
        .applyWillPublish().send();
    denied.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();
    allowed.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();
    assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("allowed will");
  }

  @Test
  void aWillIsJudgedWhenSentByTheRulesOfThatMoment() throws Exception {
    String p = unique("latewill");
    Inbox inbox = watch(p + "/#");
    rules();
    Mqtt5BlockingClient c = TestUsers.v5(port, unique("w"), dev, TestUsers.PASSWORD, null);
    c.connectWith().willPublish().topic(p + "/status").payload(TestClients.utf8("gone")).applyWillPublish().send();
    rules(AclRule.forAll(DENY, PUBLISH, p + "/status"));
    c.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();
    TestClients.publish(watcher, p + "/marker", "marker", 1);
    assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("marker");
  }

  @Test
  void anotherInstancesRulesNeverApply() throws Exception {
    String p = unique("other");
    rules(AclRule.forAll(DENY, ALL, "#"));
    // the default instance of the node has no rules: its anonymous loopback clients do as before
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(port, unique("sub"), p + "/#", 1, inbox);
    Mqtt5BlockingClient pub = TestClients.v5(port, unique("pub"));
    try {
      assertThat(publish1(pub, p + "/t", "unaffected")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
      assertThat(inbox.awaitOne().payload()).isEqualTo("unaffected");
      // while a client of the instance with the rules is denied both
      Mqtt5BlockingClient c = TestUsers.v5Connected(port, unique("c"), dev);
      assertThat(publish1(c, p + "/t", "x")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
      assertThat(subscribe(c, p + "/t")).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
      c.disconnect();
    } finally {
      sub.disconnect();
      pub.disconnect();
      rules();
    }
  }
}
