package io.tenantmq.mqtt.auth;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.token.TokenAction;
import io.tenantmq.mqtt.Inbox;
import io.tenantmq.mqtt.TestAliyun;
import io.tenantmq.mqtt.TestAliyun.AccessKey;
import io.tenantmq.mqtt.TestClients;
import io.tenantmq.mqtt.TestEvents;
import io.tenantmq.mqtt.TestNode;
import io.tenantmq.mqtt.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token-mode CONNECT ({@code Token|AccessKeyId|InstanceId}, password {@code R|tokR|W|tokW}): an R token subscribes
 * within its resources, a W token publishes within its resources, nothing else; a bad, foreign, wrongly typed or
 * expired token is "bad username or password" and changes nothing; a live login ends with its tokens.
 */
class AliyunTokenLoginTest {

  static final Set<TokenAction> R = Set.of(TokenAction.R);
  static final Set<TokenAction> W = Set.of(TokenAction.W);
  static final Set<TokenAction> RW = Set.of(TokenAction.R, TokenAction.W);

  static TestNode node;
  static int port;
  static String instance;
  static String secondInstance;
  static AccessKey key;
  static AccessKey otherTenantKey;
  static String otherTenantInstance;
  /** A Signature-mode client of {@link #instance}: may do everything there. */
  static Mqtt5BlockingClient signed;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.shared();
    port = node.mqttPort();
    String tenant = unique("tenant-tok");
    instance = TestAliyun.createInstance(node, tenant, unique("mqtt-tok"));
    secondInstance = TestAliyun.createInstance(node, tenant, unique("mqtt-tok2"));
    key = TestAliyun.accessKey(node, tenant);
    String otherTenant = unique("tenant-tok-other");
    otherTenantInstance = TestAliyun.createInstance(node, otherTenant, unique("mqtt-tok-other"));
    otherTenantKey = TestAliyun.accessKey(node, otherTenant);
    String signedId = "GID_app@@@" + unique("signed");
    signed = TestUsers.v5(port, signedId, TestAliyun.signatureUsername(key, instance),
        TestAliyun.signature(key, signedId), null);
    signed.connect();
  }

  @AfterAll
  static void stop() {
    signed.disconnect();
  }

  private static Optional<ClientRecord> record(String clientId) throws Exception {
    return node.registry.get(new ClientKey(instance, clientId)).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static String token(Set<TokenAction> actions, String... resources) throws Exception {
    return TestAliyun.token(node, key, instance, actions, List.of(resources));
  }

  private static Mqtt5BlockingClient v5(String clientId, String password,
                                        AtomicReference<MqttClientDisconnectedContext> gone) {
    return TestUsers.v5(port, clientId, TestAliyun.tokenUsername(key, instance), password,
        gone == null ? null : gone::set);
  }

  private static Mqtt5BlockingClient v5Connected(String clientId, String password) {
    Mqtt5BlockingClient c = v5(clientId, password, null);
    assertThat(c.connect().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
    return c;
  }

  private static int v5Refusal(String clientId, AccessKey k, String instanceId, String password) {
    Mqtt5ConnAckException e = catchThrowableOfType(Mqtt5ConnAckException.class,
        () -> TestUsers.v5(port, clientId, TestAliyun.tokenUsername(k, instanceId), password, null).connect());
    assertThat(e).as("CONNECT of %s is refused", clientId).isNotNull();
    return e.getMqttMessage().getReasonCode().getCode();
  }

  private static int v5Refusal(String clientId, String password) {
    return v5Refusal(clientId, key, instance, password);
  }

  private static Inbox subscribeSigned(String filter) throws Exception {
    Inbox inbox = new Inbox();
    signed.toAsync().subscribeWith().topicFilter(filter).qos(TestClients.qos(1)).callback(inbox::accept).send()
        .get(5, TimeUnit.SECONDS);
    return inbox;
  }

  private static Mqtt5SubAckReasonCode subscribeCode(Mqtt5BlockingClient c, String filter, Inbox inbox) {
    try {
      return c.toAsync().subscribeWith().topicFilter(filter).qos(TestClients.qos(1)).callback(inbox::accept).send()
          .get(5, TimeUnit.SECONDS).getReasonCodes().get(0);
    } catch (Exception e) {
      Throwable cause = e.getCause();
      assertThat(cause).isInstanceOf(Mqtt5SubAckException.class);
      return ((Mqtt5SubAckException) cause).getMqttMessage().getReasonCodes().get(0);
    }
  }

  private static Mqtt5PubAckReasonCode publishCode(Mqtt5BlockingClient c, String topic, String payload) {
    Mqtt5PubAckException e = catchThrowableOfType(Mqtt5PubAckException.class,
        () -> c.publishWith().topic(topic).qos(TestClients.qos(1)).payload(TestClients.utf8(payload)).send());
    return e == null ? Mqtt5PubAckReasonCode.SUCCESS : e.getMqttMessage().getReasonCode();
  }

  @Test
  void readTokenSubscribesWithinItsResourcesOnlyAndCannotPublish() throws Exception {
    String base = unique("r");
    String tokR = token(R, base + "/#", unique("x") + "/+/t");
    String clientId = "GID_tok@@@" + unique("reader");
    Mqtt5BlockingClient c = v5Connected(clientId, "R|" + tokR);
    try {
      assertThat(record(clientId).orElseThrow().username()).isEqualTo(TestAliyun.tokenUsername(key, instance));
      Inbox inbox = new Inbox();
      // narrower than a resource: allowed, and it receives
      assertThat(subscribeCode(c, base + "/a/+", inbox)).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
      TestClients.publish(signed, base + "/a/b", "in scope", 1);
      assertThat(inbox.awaitOne().payload()).isEqualTo("in scope");
      // outside, or wider than every resource: 0x87
      assertThat(subscribeCode(c, unique("elsewhere"), inbox)).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
      assertThat(subscribeCode(c, "#", inbox).getCode()).isEqualTo(0x87);
      // no W token: no publish, even within its read resources
      assertThat(publishCode(c, base + "/a/b", "from reader")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
      inbox.assertStaysAt(1);
      assertThat(c.getState().isConnected()).isTrue();
    } finally {
      c.disconnect();
    }
  }

  @Test
  void mqtt311ReadTokenOutsideItsResourcesGets0x80AndStaysConnected() throws Exception {
    String base = unique("r3");
    String tokR = token(R, base + "/+");
    String clientId = "GID_tok@@@" + unique("paho");
    MqttClient paho = TestClients.paho3(port, clientId, null);
    paho.connect(TestAliyun.paho311(TestAliyun.tokenUsername(key, instance), "R|" + tokR + "|"));
    try {
      assertThat(paho.subscribeWithResponse(base + "/a", 1).getGrantedQos()[0]).isEqualTo(1);
      int denied;
      try {
        IMqttToken t = paho.subscribeWithResponse(base + "/#", 1);
        denied = t.getGrantedQos()[0];
      } catch (MqttException e) {
        denied = e.getReasonCode();
      }
      assertThat(denied).isEqualTo(0x80);
      assertThat(paho.isConnected()).isTrue();
    } finally {
      paho.disconnect();
      paho.close();
    }
  }

  @Test
  void writeTokenPublishesWithinItsResourcesOnlyAndCannotSubscribe() throws Exception {
    String base = unique("w");
    String tokW = token(W, base + "/+/up");
    Inbox inbox = subscribeSigned(base + "/#");
    Mqtt5BlockingClient c = v5Connected("GID_tok@@@" + unique("writer"), "W|" + tokW);
    try {
      assertThat(publishCode(c, base + "/dev1/up", "in scope")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
      assertThat(publishCode(c, base + "/dev1/down", "out of scope")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
      assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("in scope");
      assertThat(subscribeCode(c, base + "/dev1/up", new Inbox())).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
    } finally {
      c.disconnect();
    }
  }

  @Test
  void mqtt311WriteTokenOutsideItsResourcesIsAcknowledgedAndDropped() throws Exception {
    String base = unique("w3");
    String tokW = token(W, base + "/ok");
    Inbox inbox = subscribeSigned(base + "/#");
    MqttClient paho = TestClients.paho3(port, "GID_tok@@@" + unique("paho"), null);
    paho.connect(TestAliyun.paho311(TestAliyun.tokenUsername(key, instance), "W|" + tokW));
    try {
      paho.publish(base + "/no", TestClients.utf8("dropped"), 1, false);
      paho.publish(base + "/ok", TestClients.utf8("delivered"), 1, false);
      assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("delivered");
    } finally {
      paho.disconnect();
      paho.close();
    }
  }

  @Test
  void readAndWriteTokensTogetherEachKeepTheirOwnResources() throws Exception {
    String base = unique("rw");
    String tokR = token(R, base + "/down/#");
    String tokW = token(W, base + "/up");
    Inbox watcher = subscribeSigned(base + "/#");
    Mqtt5BlockingClient c = v5Connected("GID_tok@@@" + unique("both"), "R|" + tokR + "|W|" + tokW);
    try {
      Inbox inbox = new Inbox();
      assertThat(subscribeCode(c, base + "/down/x", inbox)).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
      assertThat(subscribeCode(c, base + "/up", inbox)).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
      assertThat(publishCode(c, base + "/up", "up")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
      assertThat(publishCode(c, base + "/down/x", "down")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
      TestClients.publish(signed, base + "/down/x", "to device", 1);
      assertThat(inbox.awaitOne().payload()).isEqualTo("to device");
      assertThat(watcher.awaitExactly(2)).extracting(Inbox.Msg::payload).containsExactlyInAnyOrder("up", "to device");
    } finally {
      c.disconnect();
    }
  }

  @Test
  void anRwTokenSubscribesAndPublishesOnItsResources() throws Exception {
    String base = unique("rwtok");
    String tok = token(RW, base + "/#");
    Mqtt5BlockingClient c = v5Connected("GID_tok@@@" + unique("rw"), "RW|" + tok);
    try {
      Inbox inbox = new Inbox();
      assertThat(subscribeCode(c, base + "/t", inbox)).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
      assertThat(publishCode(c, base + "/t", "echo")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
      assertThat(inbox.awaitOne().payload()).isEqualTo("echo");
    } finally {
      c.disconnect();
    }
  }

  @Test
  void aTokenPresentedForAnActionItWasNotIssuedForIsRefused() throws Exception {
    String tokR = token(R, unique("t") + "/#");
    String tokW = token(W, unique("t") + "/#");
    assertThat(v5Refusal(unique("c"), "W|" + tokR)).isEqualTo(0x86);
    assertThat(v5Refusal(unique("c"), "RW|" + tokR)).isEqualTo(0x86);
    assertThat(v5Refusal(unique("c"), "R|" + tokW)).isEqualTo(0x86);
    // one bad token spoils a login with a good one
    assertThat(v5Refusal(unique("c"), "R|" + tokR + "|W|" + tokR)).isEqualTo(0x86);
  }

  @Test
  void unknownMalformedOrSignatureTokensAreRefusedAndLeaveNoRecord() throws Exception {
    String clientId = "GID_tok@@@" + unique("bad");
    String tokR = token(R, unique("t") + "/#");
    // a token that was never issued, one changed character, no pairs at all, a signature instead of tokens
    assertThat(v5Refusal(clientId, "R|bm90LWEtdG9rZW4=")).isEqualTo(0x86);
    assertThat(v5Refusal(clientId, "R|" + (tokR.charAt(0) == 'A' ? 'B' : 'A') + tokR.substring(1))).isEqualTo(0x86);
    assertThat(v5Refusal(clientId, tokR)).isEqualTo(0x86);
    assertThat(v5Refusal(clientId, TestAliyun.signature(key, clientId))).isEqualTo(0x86);
    MqttClient paho = TestClients.paho3(port, clientId, null);
    MqttException e = catchThrowableOfType(MqttException.class,
        () -> paho.connect(TestAliyun.paho311(TestAliyun.tokenUsername(key, instance), "R|nope")));
    paho.close();
    assertThat(e.getReasonCode()).isEqualTo(0x04);
    assertThat(record(clientId)).isEmpty();
  }

  @Test
  void aTokenOfAnotherInstanceOrTenantIsRefused() throws Exception {
    String ofSecondInstance = TestAliyun.token(node, key, secondInstance, R, List.of("#"));
    String ofOtherTenant = TestAliyun.token(node, otherTenantKey, otherTenantInstance, R, List.of("#"));
    assertThat(v5Refusal(unique("c"), "R|" + ofSecondInstance)).isEqualTo(0x86);
    assertThat(v5Refusal(unique("c"), "R|" + ofOtherTenant)).isEqualTo(0x86);
    // the other tenant's key cannot use this tenant's instance, even with a token of it
    String ours = token(R, "#");
    assertThat(v5Refusal(unique("c"), otherTenantKey, instance, "R|" + ours)).isEqualTo(0x86);
    // and the token is good where it belongs
    v5Connected(unique("c"), "R|" + ours).disconnect();
  }

  @Test
  void refusedTokenLoginDoesNotTakeOverTheConnectedClientWithThatId() throws Exception {
    String clientId = "GID_tok@@@" + unique("held");
    Mqtt5BlockingClient holder = v5Connected(clientId, "R|" + token(R, "a/#"));
    try {
      String channel = record(clientId).orElseThrow().channelId();
      assertThat(v5Refusal(clientId, "R|bm90LWEtdG9rZW4=")).isEqualTo(0x86);
      assertThat(holder.getState().isConnected()).isTrue();
      assertThat(record(clientId).orElseThrow().channelId()).isEqualTo(channel);
    } finally {
      holder.disconnect();
    }
  }

  @Test
  void willOutsideTheWriteTokensResourcesIsNotPublished() throws Exception {
    String base = unique("will");
    Inbox inbox = subscribeSigned(base + "/#");
    String tokW = token(W, base + "/ok");
    Mqtt5BlockingClient inScope = v5("GID_tok@@@" + unique("will-ok"), "W|" + tokW, null);
    inScope.connectWith().willPublish().topic(base + "/ok").payload(TestClients.utf8("will ok")).applyWillPublish()
        .send();
    Mqtt5BlockingClient outOfScope = v5("GID_tok@@@" + unique("will-no"), "W|" + tokW, null);
    outOfScope.connectWith().willPublish().topic(base + "/no").payload(TestClients.utf8("will no"))
        .applyWillPublish().send();
    Mqtt5BlockingClient readerOnly = v5("GID_tok@@@" + unique("will-r"), "R|" + token(R, base + "/#"), null);
    readerOnly.connectWith().willPublish().topic(base + "/ok").payload(TestClients.utf8("reader's will"))
        .applyWillPublish().send();

    for (Mqtt5BlockingClient c : List.of(outOfScope, readerOnly, inScope)) {
      c.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();
    }
    assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("will ok");
  }

  @Test
  void anExpiredTokenIsRefusedAtConnectAndAnExpiringOneClosesTheLiveConnectionWith0xA0() throws Exception {
    String base = unique("exp");
    long expireAt = System.currentTimeMillis() + 3_000;
    String tok = TestAliyun.token(node, key, instance, W, List.of(base + "/#"), expireAt);
    Inbox inbox = subscribeSigned(base + "/#");
    AtomicReference<MqttClientDisconnectedContext> gone = new AtomicReference<>();
    String clientId = "GID_tok@@@" + unique("exp");
    Mqtt5BlockingClient c = v5(clientId, "W|" + tok, gone);
    // its will is not sent: the right to publish ended with the token
    c.connectWith().willPublish().topic(base + "/will").payload(TestClients.utf8("will")).applyWillPublish().send();
    assertThat(publishCode(c, base + "/t", "while valid")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);

    await().atMost(Duration.ofSeconds(10)).until(() -> gone.get() != null);
    assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(expireAt);
    assertThat(gone.get().getCause()).isInstanceOf(Mqtt5DisconnectException.class);
    Mqtt5DisconnectReasonCode reason = ((Mqtt5DisconnectException) gone.get().getCause()).getMqttMessage()
        .getReasonCode();
    assertThat(reason).isEqualTo(Mqtt5DisconnectReasonCode.MAXIMUM_CONNECT_TIME);
    assertThat(reason.getCode()).isEqualTo(0xA0);

    assertThat(v5Refusal(clientId, "W|" + tok)).isEqualTo(0x86);
    assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("while valid");
    await().atMost(Duration.ofSeconds(10)).until(() -> record(clientId).filter(ClientRecord::connected).isEmpty());
    assertThat(tcpcleanReasons(clientId)).containsExactly("token_expired");
  }

  /** The reasons of the client's tcpclean events in its instance's stream, oldest first. */
  private static List<String> tcpcleanReasons(String clientId) throws Exception {
    return TestEvents.of(node, instance, clientId).stream()
        .filter(e -> e.type() == io.tenantmq.control.event.ClientEventType.TCPCLEAN).map(e -> e.reason()).toList();
  }

  @Test
  void revokingATokenClosesItsLiveConnectionsWith0x87AndMqtt311OnesJustClose() throws Exception {
    String tok = token(R, unique("rev") + "/#");
    AtomicReference<MqttClientDisconnectedContext> gone = new AtomicReference<>();
    String revokedId = "GID_tok@@@" + unique("rev5");
    Mqtt5BlockingClient c = v5(revokedId, "R|" + tok, gone);
    c.connect();
    AtomicReference<Throwable> lost = new AtomicReference<>();
    MqttClient paho = TestClients.paho3(port, "GID_tok@@@" + unique("rev3"), null);
    paho.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {
        lost.set(cause);
      }

      @Override
      public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
      }

      @Override
      public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
      }
    });
    paho.connect(TestAliyun.paho311(TestAliyun.tokenUsername(key, instance), "R|" + tok));
    // an unrelated token login stays
    Mqtt5BlockingClient bystander = v5Connected("GID_tok@@@" + unique("stay"), "R|" + token(R, "#"));
    try {
      assertThat(node.control.tokens().revoke(tok).toCompletableFuture().get(5, TimeUnit.SECONDS)).isTrue();

      await().atMost(Duration.ofSeconds(10)).until(() -> gone.get() != null && lost.get() != null);
      assertThat(((Mqtt5DisconnectException) gone.get().getCause()).getMqttMessage().getReasonCode())
          .isEqualTo(Mqtt5DisconnectReasonCode.NOT_AUTHORIZED);
      assertThat(paho.isConnected()).isFalse();
      assertThat(bystander.getState().isConnected()).isTrue();
      assertThat(v5Refusal(unique("c"), "R|" + tok)).isEqualTo(0x86);
      await().atMost(Duration.ofSeconds(10)).until(() -> tcpcleanReasons(revokedId).equals(List.of("token_revoked")));
    } finally {
      paho.close();
      bystander.disconnect();
    }
  }

  @Test
  void aResumedSessionKeepsOnlyTheSubscriptionsTheReadTokenCovers() throws Exception {
    String base = unique("resume");
    String clientId = "GID_tok@@@" + unique("resume");
    // a Signature login makes a persistent session with two subscriptions, then goes offline
    Mqtt5BlockingClient wide = TestUsers.v5(port, clientId, TestAliyun.signatureUsername(key, instance),
        TestAliyun.signature(key, clientId), null);
    wide.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
    wide.subscribeWith().topicFilter(base + "/in/#").qos(TestClients.qos(1)).send();
    wide.subscribeWith().topicFilter(base + "/out/#").qos(TestClients.qos(1)).send();
    wide.disconnect();

    Inbox inbox = new Inbox();
    Mqtt5BlockingClient narrow = v5(clientId, "R|" + token(R, base + "/in/#"), null);
    narrow.toAsync().publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL, inbox::accept);
    assertThat(narrow.connectWith().cleanStart(false).sessionExpiryInterval(0).send().isSessionPresent()).isTrue();
    try {
      TestClients.publish(signed, base + "/out/x", "outside", 1);
      TestClients.publish(signed, base + "/in/x", "inside", 1);
      assertThat(inbox.awaitExactly(1)).extracting(Inbox.Msg::payload).containsExactly("inside");
      assertThat(record(clientId).orElseThrow().subscriptions()).containsOnlyKeys(base + "/in/#");
    } finally {
      narrow.disconnect();
    }
  }
}
