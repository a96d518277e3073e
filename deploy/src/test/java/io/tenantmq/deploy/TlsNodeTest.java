package io.tenantmq.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.deploy.config.ConfigFile;
import io.tenantmq.deploy.config.ConfigLoader;
import io.tenantmq.mqtt.tls.SelfSignedCertificate;
import io.tenantmq.mqtt.tls.ServerCertificate;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product with {@code --tls-port 0 --wss-port 0 --sni-domain}: ports.json, the generated certificate in the
 * data directory, mosquitto with {@code --cafile}, the demo user reaching the demo instance by its host name, and
 * restarts (the generated certificate is reused; configured PEM files replace it).
 */
class TlsNodeTest {

  static final String DOMAIN = "mqtt.tenantmq.test";

  @TempDir
  static Path dataDir;
  @TempDir
  static Path otherDir;
  static final String CLUSTER = "tls-" + UUID.randomUUID();
  static TenantMqNode node;
  static JsonNode ports;

  @BeforeAll
  static void start() throws Exception {
    startNode(null, null);
  }

  @AfterAll
  static void stop() {
    node.stop();
  }

  private static void startNode(String cert, String key) throws Exception {
    ConfigFile flags = new ConfigFile(null, "127.0.0.1", 0, 0, 0, 0, dataDir.toString(), "node-tls", CLUSTER, null,
        List.of("127.0.0.1"), null, null, null, null, null, null).withTls(0, cert, key, DOMAIN);
    node = new TenantMqNode(ConfigLoader.resolve(ConfigFile.EMPTY, flags)).start();
    ports = new ObjectMapper().readTree(dataDir.resolve(PortsFile.FILE_NAME).toFile());
  }

  private static void restart(String cert, String key) throws Exception {
    node.stop();
    startNode(cert, key);
  }

  @Test
  void portsFileNamesTheTlsAndWssPortsAndTheKeyIsTheOwnersOnly() throws Exception {
    assertThat(ports.get("tls").asInt()).isPositive();
    assertThat(ports.get("wss").asInt()).isPositive().isNotEqualTo(ports.get("tls").asInt());
    assertThat(ports.get("mqtt").asInt()).isPositive();
    assertThat(Files.getPosixFilePermissions(dataDir.resolve("tls/server.key")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void mosquittoSubscribesOverTlsWithCafileAndGetsAPlainPublish() throws Exception {
    String topic = "tls-tour/" + UUID.randomUUID();
    Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", ports.get("tls").asText(),
        "--cafile", dataDir.resolve("tls/server.crt").toString(), "-t", topic, "-C", "1", "-W", "15", "-q", "1")
        .redirectErrorStream(true).start();
    // publish (plain TCP) until the subscriber has subscribed and exits with the message
    for (int i = 0; i < 40 && sub.isAlive(); i++) {
      new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", ports.get("mqtt").asText(), "-t", topic, "-m",
          "hello over tls", "-q", "1").start().waitFor(5, TimeUnit.SECONDS);
      sub.waitFor(250, TimeUnit.MILLISECONDS);
    }
    assertThat(sub.waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim())
        .isEqualTo("hello over tls");
    assertThat(sub.exitValue()).isZero();
  }

  @Test
  void theDemoUserReachesTheDemoInstanceByItsHostName() throws Exception {
    String instanceId = node.demo().instanceId();
    String clientId = "sni-demo-" + UUID.randomUUID();
    // the plain user name, without @instance: the SNI host name alone names the instance
    String user = node.demo().mqtt().username();
    String plainUser = user.contains("@") ? user.substring(0, user.lastIndexOf('@')) : user;
    Mqtt5BlockingClient client = client(clientId, instanceId + "." + DOMAIN, ports.get("tls").asInt(),
        dataDir.resolve("tls/server.crt"), plainUser, node.demo().mqtt().password());
    client.connect();
    try {
      assertThat(node.control().registry().get(new ClientKey(instanceId, clientId)).toCompletableFuture()
          .get(5, TimeUnit.SECONDS)).isPresent();
    } finally {
      client.disconnect();
    }
  }

  @Test
  void aRestartReusesTheGeneratedCertificateAndConfiguredPemFilesReplaceIt() throws Exception {
    Path generated = dataDir.resolve("tls/server.crt");
    byte[] before = Files.readAllBytes(generated);

    restart(null, null);

    assertThat(Files.readAllBytes(generated)).isEqualTo(before);
    Mqtt5BlockingClient trusting = client("after-restart", "127.0.0.1", ports.get("tls").asInt(), generated, null, null);
    trusting.connect();
    trusting.disconnect();

    ServerCertificate own = SelfSignedCertificate.ensure(otherDir, null);
    restart(own.certificate().toString(), own.privateKey().toString());

    Mqtt5BlockingClient ownTrust = client("own-cert", "127.0.0.1", ports.get("tls").asInt(), own.certificate(), null,
        null);
    ownTrust.connect();
    ownTrust.disconnect();
    // the wss port serves the configured certificate as well
    Mqtt5BlockingClient overWss = Mqtt5Client.builder().identifier("own-cert-wss")
        .serverHost("127.0.0.1").serverPort(ports.get("wss").asInt())
        .sslConfig().trustManagerFactory(trust(own.certificate())).applySslConfig()
        .webSocketConfig().serverPath("mqtt").applyWebSocketConfig().buildBlocking();
    overWss.connect();
    overWss.disconnect();
    Mqtt5BlockingClient oldTrust = client("old-cert", "127.0.0.1", ports.get("tls").asInt(), generated, null, null);
    assertThatThrownBy(oldTrust::connect).as("the generated certificate is no longer served").isNotNull();
    assertThat(Files.readAllBytes(generated)).as("and is left as it was").isEqualTo(before);
    restart(null, null);
  }

  private static Mqtt5BlockingClient client(String clientId, String hostName, int port, Path trusted, String username,
                                            String password) throws Exception {
    var builder = Mqtt5Client.builder().identifier(clientId)
        .serverAddress(new InetSocketAddress(InetAddress.getByAddress(hostName, new byte[] {127, 0, 0, 1}), port))
        .sslConfig().trustManagerFactory(trust(trusted)).applySslConfig();
    if (username != null) {
      builder = builder.simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8))
          .applySimpleAuth();
    }
    return builder.buildBlocking();
  }

  private static TrustManagerFactory trust(Path certificate) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      Certificate c = CertificateFactory.getInstance("X.509").generateCertificate(in);
      store.setCertificateEntry("trusted", c);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    return tmf;
  }
}
