package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.tenantmq.control.ban.Ban;
import io.tenantmq.control.ban.BanKind;
import io.tenantmq.control.command.NodeReport;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.ClientState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

/**
 * Bans as the broker applies them, with real clients on a two-member cluster: a banned CONNECT is refused (MQTT 5
 * 0x8A, MQTT 3.1.1 0x05) and changes nothing, and a ban added on either member closes the matching live connections
 * wherever they are (MQTT 5 DISCONNECT 0x98).
 */
class BanTest extends TwoNodeClusterTest {

  static Ban ban(String instanceId, BanKind kind, String who, long untilMillis) {
    return new Ban(instanceId, kind, who, "test", "banned in a test", System.currentTimeMillis(), untilMillis);
  }

  static Ban ban(BanKind kind, String who) {
    return ban(TestNode.INSTANCE_ID, kind, who, Long.MAX_VALUE);
  }

  static boolean add(TestNode on, Ban ban) throws Exception {
    return on.control.bans().add(ban).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static void remove(TestNode on, Ban ban) throws Exception {
    on.control.bans().remove(ban.key()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The member-local copy of the bans is fed by a listener: waits until {@code on} refuses as it should. */
  static void awaitBanSeen(TestNode on, Ban ban, boolean seen) {
    await().atMost(Duration.ofSeconds(10)).until(() -> on.control.bans().check(ban.instanceId(), clientIdOf(ban),
        usernameOf(ban), "127.0.0.1").isPresent() == seen);
  }

  private static String clientIdOf(Ban ban) {
    return ban.kind() == BanKind.CLIENTID ? ban.who() : "x";
  }

  private static String usernameOf(Ban ban) {
    return ban.kind() == BanKind.USERNAME ? ban.who() : null;
  }

  static Mqtt5BlockingClient watched(TestNode on, String clientId, AtomicReference<MqttClientDisconnectedContext> gone) {
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(on.mqttPort())
        .addDisconnectedListener(gone::set).buildBlocking();
    c.connect();
    return c;
  }

  static void assertClosedBy0x98(AtomicReference<MqttClientDisconnectedContext> gone) {
    await().atMost(Duration.ofSeconds(10)).until(() -> gone.get() != null);
    assertThat(gone.get().getCause()).isInstanceOf(Mqtt5DisconnectException.class);
    assertThat(((Mqtt5DisconnectException) gone.get().getCause()).getMqttMessage().getReasonCode())
        .isEqualTo(Mqtt5DisconnectReasonCode.ADMINISTRATIVE_ACTION);
  }

  static int refusalOf(TestNode on, String clientId) {
    Mqtt5ConnAckException e = catchThrowableOfType(Mqtt5ConnAckException.class, () -> Mqtt5Client.builder()
        .identifier(clientId).serverHost("127.0.0.1").serverPort(on.mqttPort()).buildBlocking().connect());
    assertThat(e).as("CONNECT of %s is refused", clientId).isNotNull();
    return e.getMqttMessage().getReasonCode().getCode();
  }

  static Optional<ClientRecord> record(TestNode on, String instanceId, String clientId) throws Exception {
    return on.registry.get(new ClientKey(instanceId, clientId)).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void bannedClientIdIsRefusedWith0x8AWithoutTakingOverItsSessionUntilTheBanIsRemoved() throws Exception {
    String clientId = unique("banned");
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(a.mqttPort())
        .buildBlocking();
    c.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
    c.disconnect();
    await().atMost(Duration.ofSeconds(5)).until(() -> record(a, TestNode.INSTANCE_ID, clientId)
        .map(r -> r.state() == ClientState.DISCONNECTED).orElse(false));
    ClientRecord before = record(a, TestNode.INSTANCE_ID, clientId).orElseThrow();
    Ban ban = ban(BanKind.CLIENTID, clientId);
    assertThat(add(a, ban)).isTrue();
    awaitBanSeen(b, ban, true);

    // on both members, and the record (channel, state) stays as it was: no takeover, no registry write
    assertThat(refusalOf(a, clientId)).isEqualTo(0x8A);
    assertThat(refusalOf(b, clientId)).isEqualTo(0x8A);
    assertThat(record(a, TestNode.INSTANCE_ID, clientId)).contains(before);

    remove(b, ban);
    awaitBanSeen(a, ban, false);
    Mqtt5ConnAck connAck = c.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
    try {
      assertThat(connAck.isSessionPresent()).as("the kept session survived the refused CONNECTs").isTrue();
    } finally {
      c.disconnectWith().sessionExpiryInterval(0).send();
    }
  }

  @Test
  void bannedMqtt311ClientIsRefusedWithNotAuthorized() throws Exception {
    String clientId = unique("banned-311");
    Ban ban = ban(BanKind.CLIENTID, clientId);
    add(b, ban);
    awaitBanSeen(a, ban, true);
    MqttClient paho = TestClients.paho3(a.mqttPort(), clientId, null);
    try {
      MqttException e = catchThrowableOfType(MqttException.class,
          () -> paho.connect(TestClients.paho3Options(MqttConnectOptions.MQTT_VERSION_3_1_1, true)));
      assertThat(e).isNotNull();
      assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED);
      assertThat(record(a, TestNode.INSTANCE_ID, clientId)).isEmpty();
    } finally {
      paho.close();
      remove(a, ban);
    }
  }

  @Test
  void aNewClientIdBanClosesTheLiveConnectionOnEitherMember() throws Exception {
    String onA = unique("live-a");
    String onB = unique("live-b");
    String bystander = unique("bystander");
    AtomicReference<MqttClientDisconnectedContext> goneA = new AtomicReference<>();
    AtomicReference<MqttClientDisconnectedContext> goneB = new AtomicReference<>();
    AtomicReference<MqttClientDisconnectedContext> goneBystander = new AtomicReference<>();
    watched(a, onA, goneA);
    watched(b, onB, goneB);
    Mqtt5BlockingClient other = watched(b, bystander, goneBystander);
    Ban banA = ban(BanKind.CLIENTID, onA);
    Ban banB = ban(BanKind.CLIENTID, onB);
    try {
      // both bans added through member a: the one for b's client travels to b
      add(a, banA);
      add(a, banB);

      assertClosedBy0x98(goneA);
      assertClosedBy0x98(goneB);
      await().atMost(Duration.ofSeconds(5)).until(() -> record(a, TestNode.INSTANCE_ID, onB).isEmpty());
      assertThat(goneBystander.get()).isNull();
      assertThat(other.getState().isConnected()).isTrue();
    } finally {
      other.disconnect();
      remove(a, banA);
      remove(a, banB);
    }
  }

  @Test
  void aClientIdPatternBanClosesMatchingClientsOnly() throws Exception {
    String prefix = unique("re");
    AtomicReference<MqttClientDisconnectedContext> matching = new AtomicReference<>();
    AtomicReference<MqttClientDisconnectedContext> notMatching = new AtomicReference<>();
    watched(b, prefix + "-sensor-1", matching);
    Mqtt5BlockingClient kept = watched(b, unique("keep") + "-sensor-1", notMatching);
    Ban ban = ban(BanKind.CLIENTID_RE, "^" + prefix + "-sensor-\\d+$");
    try {
      add(a, ban);
      assertClosedBy0x98(matching);
      assertThat(refusalOf(a, prefix + "-sensor-2")).isEqualTo(0x8A);
      assertThat(notMatching.get()).isNull();
      assertThat(kept.getState().isConnected()).isTrue();
    } finally {
      kept.disconnect();
      remove(a, ban);
    }
  }

  @Test
  void aUsernameBanClosesThatUsersConnectionsAndRefusesIt() throws Exception {
    String user = TestUsers.create(a, TestNode.INSTANCE_ID, unique("banned-user"), true, true);
    AtomicReference<MqttClientDisconnectedContext> gone = new AtomicReference<>();
    Mqtt5BlockingClient c = TestUsers.v5(b.mqttPort(), unique("user-c"), user, TestUsers.PASSWORD, gone::set);
    c.connect();
    Ban ban = ban(BanKind.USERNAME, user);
    try {
      add(a, ban);
      assertClosedBy0x98(gone);
      awaitBanSeen(a, ban, true);
      Mqtt5ConnAckException e = catchThrowableOfType(Mqtt5ConnAckException.class,
          () -> TestUsers.v5(a.mqttPort(), unique("user-c2"), user, TestUsers.PASSWORD, null).connect());
      assertThat(e.getMqttMessage().getReasonCode().getCode()).isEqualTo(0x8A);
    } finally {
      remove(a, ban);
    }
  }

  @Test
  void aPeerhostBanOfLoopbackClosesThatInstancesClientsAndNoOtherInstances() throws Exception {
    String instanceId = TestUsers.createInstance(a, unique("ban-peer"));
    String user = TestUsers.create(a, instanceId, unique("peer-user"), true, true);
    AtomicReference<MqttClientDisconnectedContext> gone = new AtomicReference<>();
    Mqtt5BlockingClient c = TestUsers.v5(b.mqttPort(), unique("peer-c"), user + "@" + instanceId, TestUsers.PASSWORD,
        gone::set);
    c.connect();
    AtomicReference<MqttClientDisconnectedContext> otherInstanceGone = new AtomicReference<>();
    Mqtt5BlockingClient other = watched(b, unique("peer-other"), otherInstanceGone);
    Ban ban = ban(instanceId, BanKind.PEERHOST, "127.0.0.1", Long.MAX_VALUE);
    try {
      add(a, ban);
      assertClosedBy0x98(gone);
      Mqtt5ConnAckException e = catchThrowableOfType(Mqtt5ConnAckException.class, () -> TestUsers.v5(a.mqttPort(),
          unique("peer-c2"), user + "@" + instanceId, TestUsers.PASSWORD, null).connect());
      assertThat(e.getMqttMessage().getReasonCode().getCode()).isEqualTo(0x8A);
      // the refusal counts as a CONNECT of the instance on member a, not as a connection, nor as an auth failure
      NodeReport onA = a.control.commands().reports(instanceId).toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
          .filter(r -> r.node().equals("node-a")).findFirst().orElseThrow();
      assertThat(onA.metrics()).containsEntry("client.connect", 1L).containsEntry("client.connected", 0L)
          .containsEntry("client.auth.failure", 0L);
      // the default instance's loopback clients are not that instance's
      assertThat(otherInstanceGone.get()).isNull();
      Mqtt5BlockingClient fresh = TestClients.v5(a.mqttPort(), unique("peer-fresh"));
      fresh.disconnect();
    } finally {
      other.disconnect();
      remove(a, ban);
    }
  }

  @Test
  void anExpiredBanNeitherRefusesNorCloses() throws Exception {
    String clientId = unique("expired");
    AtomicReference<MqttClientDisconnectedContext> gone = new AtomicReference<>();
    watched(b, clientId, gone);
    Ban expired = ban(TestNode.INSTANCE_ID, BanKind.CLIENTID, clientId, System.currentTimeMillis() - 1_000);
    try {
      assertThat(add(a, expired)).isTrue();
      assertThat(a.control.bans().list(TestNode.INSTANCE_ID).toCompletableFuture().get())
          .as("an expired ban is not listed").noneMatch(x -> x.who().equals(clientId));
      await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> gone.get() == null);
      Mqtt5BlockingClient again = TestClients.v5(a.mqttPort(), clientId); // takes the client over: allowed
      again.disconnect();
      assertThat(gone.get()).isNotNull();
      assertThat(((Mqtt5DisconnectException) gone.get().getCause()).getMqttMessage().getReasonCode())
          .as("closed by the takeover, not by the expired ban").isEqualTo(Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER);
    } finally {
      remove(a, expired);
    }
  }
}
