package io.tenantmq.mqtt.tls;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.mqtt.Inbox;
import io.tenantmq.mqtt.MqttNodeOptions;
import io.tenantmq.mqtt.RawMqttClient;
import io.tenantmq.mqtt.TestClients;
import io.tenantmq.mqtt.TestNode;
import io.tenantmq.mqtt.TestUsers;
import io.tenantmq.mqtt.listener.Transport;
import java.io.File;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MQTT over TLS and over WebSocket over TLS, with the self-signed certificate the node generated at start and real
 * clients trusting exactly that certificate; SNI host names {@code <instanceId>.<domain>} select the instance.
 */
class TlsListenerTest {

  static final String DOMAIN = "mqtt.tenantmq.test";

  @TempDir
  static Path dataDir;
  static TestNode node;
  static TlsClients tls;
  static Path certificate;
  static String instanceA;
  static String instanceB;

  @BeforeAll
  static void startTlsNode() throws Exception {
    Path tlsDir = dataDir.resolve("tls");
    node = TestNode.start(TestNode.newClusterName(), "node-tls", new MqttNodeOptions().setTlsPort(0).setWssPort(0)
        .setTlsDirectory(tlsDir.toString()).setSniDomain(DOMAIN));
    certificate = tlsDir.resolve(SelfSignedCertificate.CERT_FILE);
    tls = new TlsClients(certificate);
    instanceA = TestUsers.createInstance(node, unique("inst-a"));
    instanceB = TestUsers.createInstance(node, unique("inst-b"));
    TestUsers.create(node, instanceA, "alice", true, true);
    TestUsers.create(node, instanceB, "alice", true, true);
  }

  @AfterAll
  static void stopTlsNode() throws Exception {
    node.close();
  }

  static int tlsPort() {
    return node.node.actualPort(Transport.TLS);
  }

  static int wssPort() {
    return node.node.actualPort(Transport.WEBSOCKET_TLS);
  }

  @Test
  void tlsListenersAreBoundBesideThePlainOnes() {
    assertThat(tlsPort()).isPositive().isNotIn(node.mqttPort(), node.wsPort());
    assertThat(wssPort()).isPositive().isNotIn(node.mqttPort(), node.wsPort(), tlsPort());
  }

  @Test
  void hiveMqClientOverTlsReceivesFromAPlainTcpPublisher() throws Exception {
    String topic = unique("tls/in");
    String clientId = unique("tls-sub");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = tls.hiveMqConnected(clientId, tlsPort());
    Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("tcp-pub"));
    try {
      sub.toAsync().subscribeWith().topicFilter(topic).qos(TestClients.qos(1)).callback(inbox::accept).send()
          .get(10, TimeUnit.SECONDS);
      TestClients.publish(pub, topic, "secret hello", 1);
      Inbox.Msg got = inbox.awaitExactly(1).get(0);
      assertThat(got.payload()).isEqualTo("secret hello");
      assertThat(got.qos()).isEqualTo(1);
      assertThat(TestClients.record(node, clientId).orElseThrow().protocolVersion()).isEqualTo(5);
    } finally {
      pub.disconnect();
      sub.disconnect();
    }
  }

  @Test
  void pahoV3OverTlsPublishesAtQos2ToATlsSubscriber() throws Exception {
    String topic = unique("tls/paho3");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = tls.hiveMqConnected(unique("tls-sub"), tlsPort());
    MqttClient paho = new MqttClient("ssl://127.0.0.1:" + tlsPort(), unique("paho3"), new MemoryPersistence());
    try {
      sub.toAsync().subscribeWith().topicFilter(topic).qos(TestClients.qos(2)).callback(inbox::accept).send()
          .get(10, TimeUnit.SECONDS);
      MqttConnectOptions options = TestClients.paho3Options(MqttConnectOptions.MQTT_VERSION_3_1_1, true);
      options.setSocketFactory(tls.sslContext().getSocketFactory());
      options.setHttpsHostnameVerificationEnabled(true);
      paho.connect(options);
      paho.publish(topic, "from paho 3".getBytes(StandardCharsets.UTF_8), 2, false);
      Inbox.Msg got = inbox.awaitExactly(1).get(0);
      assertThat(got.payload()).isEqualTo("from paho 3");
      assertThat(got.qos()).isEqualTo(2);
    } finally {
      if (paho.isConnected()) {
        paho.disconnect();
      }
      paho.close();
      sub.disconnect();
    }
  }

  @Test
  void pahoV5OverTlsSubscribesAndReceives() throws Exception {
    String topic = unique("tls/paho5");
    Inbox inbox = new Inbox();
    var paho = new org.eclipse.paho.mqttv5.client.MqttClient("ssl://127.0.0.1:" + tlsPort(), unique("paho5"),
        new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
    Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("tcp-pub"));
    try {
      paho.setCallback(inbox.paho5());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setSocketFactory(tls.sslContext().getSocketFactory());
      options.setHttpsHostnameVerificationEnabled(true);
      options.setAutomaticReconnect(false);
      paho.connect(options);
      paho.subscribe(topic, 1);
      TestClients.publish(pub, topic, "to paho 5", 1);
      Inbox.Msg got = inbox.awaitExactly(1).get(0);
      assertThat(got.payload()).isEqualTo("to paho 5");
      assertThat(got.qos()).isEqualTo(1);
    } finally {
      pub.disconnect();
      if (paho.isConnected()) {
        paho.disconnect();
      }
      paho.close();
    }
  }

  @Test
  void webSocketOverTlsCarriesMqttOnPathMqtt() throws Exception {
    String topic = unique("wss/out");
    String clientId = unique("wss-pub");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("tcp-sub"), topic, 1, inbox);
    Mqtt5BlockingClient pub = tls.hiveMq(clientId, "127.0.0.1", wssPort())
        .webSocketConfig().serverPath("mqtt").applyWebSocketConfig().buildBlocking();
    pub.connect();
    try {
      TestClients.publish(pub, topic, "over wss", 1);
      assertThat(inbox.awaitExactly(1).get(0).payload()).isEqualTo("over wss");
      assertThat(TestClients.record(node, clientId)).isPresent();
    } finally {
      pub.disconnect();
      sub.disconnect();
    }
  }

  @ParameterizedTest(name = "mosquitto -V {0} --cafile")
  @CsvSource({"mqttv311", "mqttv5"})
  void mosquittoClientsTrustTheGeneratedCertificateWithCafile(String version) throws Exception {
    String topic = unique("tls/mosq");
    String clientId = unique("mosq-sub");
    Tool sub = mosquitto("mosquitto_sub", version, "-i", clientId, "-t", topic, "-q", "1", "-C", "1", "-W", "15");
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> TestClients.record(node, clientId)
          .map(r -> r.subscriptions().containsKey(topic)).orElse(false));
      Tool pub = mosquitto("mosquitto_pub", version, "-t", topic, "-m", "via mosquitto over tls", "-q", "1");
      assertThat(pub.finish()).isEmpty();
      assertThat(sub.finish().strip()).isEqualTo("via mosquitto over tls");
    } finally {
      sub.process().destroyForcibly();
    }
  }

  @Test
  void mosquittoWithoutTheCertificateRefusesTheServer() throws Exception {
    Process pub = new ProcessBuilder("/usr/bin/mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(tlsPort()),
        "--capath", Files.createTempDirectory("empty-ca").toString(), "-t", "x", "-m", "y")
        .redirectErrorStream(true).start();
    assertThat(pub.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(pub.exitValue()).isNotZero();
  }

  @Test
  void sniHostNameOfAnInstanceLogsTheUserInThere() throws Exception {
    String clientId = unique("sni");
    try (RawMqttClient client = RawMqttClient.on(tls.socket(tlsPort(), instanceA + "." + DOMAIN))) {
      client.send(RawMqttClient.connectPacket(clientId, "alice", TestUsers.PASSWORD));
      assertThat(client.expect(RawMqttClient.CONNACK).returnCode()).isZero();
      assertThat(record(instanceA, clientId)).isPresent();
      assertThat(record(instanceB, clientId)).isEmpty();
    }
  }

  @Test
  void sniHostNameMatchesCaseInsensitivelyAndAgreesWithUserAtInstance() throws Exception {
    String clientId = unique("sni-at");
    try (RawMqttClient client = RawMqttClient.on(tls.socket(tlsPort(), (instanceB + "." + DOMAIN).toUpperCase()))) {
      client.send(RawMqttClient.connectPacket(clientId, "alice@" + instanceB, TestUsers.PASSWORD));
      assertThat(client.expect(RawMqttClient.CONNACK).returnCode()).isZero();
      assertThat(record(instanceB, clientId)).isPresent();
    }
  }

  @Test
  void hiveMqClientSendsTheInstanceHostNameAsSniAndTrustsTheWildcardName() throws Exception {
    String clientId = unique("sni-hive");
    Mqtt5BlockingClient c = tls.hiveMq(clientId, instanceA + "." + DOMAIN, tlsPort())
        .simpleAuth().username("alice").password(TestClients.utf8(TestUsers.PASSWORD)).applySimpleAuth()
        .buildBlocking();
    c.connect();
    try {
      assertThat(record(instanceA, clientId)).isPresent();
    } finally {
      c.disconnect();
    }
  }

  @Test
  void withoutSniTheSameCredentialsDoNotReachTheInstance() throws Exception {
    try (RawMqttClient client = RawMqttClient.on(tls.socket(tlsPort(), null))) {
      client.send(RawMqttClient.connectPacket(unique("no-sni"), "alice", TestUsers.PASSWORD));
      // alice is no user of the default instance: 0x04 bad user name or password
      assertThat(client.expect(RawMqttClient.CONNACK).returnCode()).isEqualTo(4);
    }
  }

  @Test
  void sniHostNameOfAnUnknownInstanceIsRefused() throws Exception {
    String unknown = "no-such-instance." + DOMAIN;
    try (RawMqttClient client = RawMqttClient.on(tls.socket(tlsPort(), unknown))) {
      client.send(RawMqttClient.connectPacket(unique("sni-unknown"), "alice", TestUsers.PASSWORD));
      assertThat(client.expect(RawMqttClient.CONNACK).returnCode()).isEqualTo(4);
    }
    try (RawMqttClient client = RawMqttClient.on(tls.socket(tlsPort(), unknown))) {
      client.send(RawMqttClient.connectPacket(unique("sni-unknown-anon"), null, null));
      // anonymous: 0x05 not authorized (a missing default instance would be 0x03)
      assertThat(client.expect(RawMqttClient.CONNACK).returnCode()).isEqualTo(5);
    }
  }

  @Test
  void credentialsOfAnotherInstanceThanTheSniNameAreRefused() throws Exception {
    String clientId = unique("sni-cross");
    // alice@B has the right password in B, but the host name says A: neither instance lets her in
    try (RawMqttClient client = RawMqttClient.on(tls.socket(tlsPort(), instanceA + "." + DOMAIN))) {
      client.send(RawMqttClient.connectPacket(clientId, "alice@" + instanceB, TestUsers.PASSWORD));
      assertThat(client.expect(RawMqttClient.CONNACK).returnCode()).isEqualTo(4);
    }
    assertThat(record(instanceA, clientId)).isEmpty();
    assertThat(record(instanceB, clientId)).isEmpty();
  }

  @Test
  void anonymousSniClientOfAnInstanceWithoutAnonymousAccessIsNotAuthorized() throws Exception {
    try (RawMqttClient client = RawMqttClient.on(tls.socket(tlsPort(), instanceA + "." + DOMAIN))) {
      client.send(RawMqttClient.connectPacket(unique("sni-anon"), null, null));
      assertThat(client.expect(RawMqttClient.CONNACK).returnCode()).isEqualTo(5);
    }
    // the default instance admits anonymous loopback clients, also when the SNI host name names it
    String clientId = unique("sni-anon-default");
    try (RawMqttClient client = RawMqttClient.on(tls.socket(tlsPort(), TestNode.INSTANCE_ID + "." + DOMAIN))) {
      client.send(RawMqttClient.connectPacket(clientId, null, null));
      assertThat(client.expect(RawMqttClient.CONNACK).returnCode()).isZero();
      assertThat(record(TestNode.INSTANCE_ID, clientId)).isPresent();
    }
  }

  @Test
  void sniOnThePlainWebSocketTlsListenerSelectsTheInstanceToo() throws Exception {
    String clientId = unique("sni-wss");
    Mqtt5BlockingClient c = tls.hiveMq(clientId, instanceB + "." + DOMAIN, wssPort())
        .webSocketConfig().serverPath("mqtt").applyWebSocketConfig()
        .simpleAuth().username("alice").password(TestClients.utf8(TestUsers.PASSWORD)).applySimpleAuth()
        .buildBlocking();
    c.connect();
    try {
      assertThat(record(instanceB, clientId)).isPresent();
    } finally {
      c.disconnect();
    }
  }

  @Test
  void plainMqttAndGarbageOnTheTlsPortCloseOnlyThoseConnections() throws Exception {
    String topic = unique("tls/survives");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = tls.hiveMqConnected(unique("tls-sub"), tlsPort());
    try {
      sub.toAsync().subscribeWith().topicFilter(topic).qos(TestClients.qos(1)).callback(inbox::accept).send()
          .get(10, TimeUnit.SECONDS);
      try (RawMqttClient plain = RawMqttClient.open(tlsPort())) {
        plain.send(RawMqttClient.connectPacket(unique("plain"), true, 60, null));
        assertThat(plain.closedWithin(Duration.ofSeconds(10))).as("plain MQTT on the TLS port is closed").isTrue();
      }
      byte[] garbage = new byte[4096];
      new Random(8883).nextBytes(garbage);
      try (RawMqttClient noise = RawMqttClient.open(tlsPort())) {
        noise.send(garbage);
        assertThat(noise.closedWithin(Duration.ofSeconds(10))).as("garbage on the TLS port is closed").isTrue();
      }
      // a TLS client that says nothing after the handshake is not closed by the others' failures
      Mqtt5BlockingClient pub = tls.hiveMqConnected(unique("tls-pub"), tlsPort());
      TestClients.publish(pub, topic, "still serving", 1);
      pub.disconnect();
      assertThat(inbox.awaitExactly(1).get(0).payload()).isEqualTo("still serving");
      assertThat(sub.getState().isConnected()).isTrue();
    } finally {
      sub.disconnect();
    }
  }

  @Test
  void aTlsClientOnThePlainPortFailsWithoutHarmingIt() throws Exception {
    try (Socket socket = tls.sslContext().getSocketFactory().createSocket("127.0.0.1", node.mqttPort())) {
      socket.setSoTimeout(10_000);
      org.assertj.core.api.Assertions.assertThatThrownBy(((javax.net.ssl.SSLSocket) socket)::startHandshake)
          .isInstanceOf(java.io.IOException.class);
    }
    Mqtt5BlockingClient c = TestClients.v5(node.mqttPort(), unique("plain-after"));
    assertThat(c.getState().isConnected()).isTrue();
    c.disconnect();
  }

  private static Optional<ClientRecord> record(String instanceId, String clientId) throws Exception {
    return node.registry.get(new ClientKey(instanceId, clientId)).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  /** A mosquitto tool running with its output captured to a file. */
  record Tool(Process process, File output) {
    String finish() throws Exception {
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("mosquitto tool exits").isTrue();
      String out = Files.readString(output.toPath(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as("exit code; output: %s", out).isZero();
      return out;
    }
  }

  private static Tool mosquitto(String tool, String version, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/usr/bin/" + tool, "-h", "127.0.0.1", "-p",
        Integer.toString(tlsPort()), "-V", version, "--cafile", certificate.toString()));
    command.addAll(List.of(args));
    File output = File.createTempFile("mosquitto", ".out");
    output.deleteOnExit();
    return new Tool(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start(), output);
  }
}
