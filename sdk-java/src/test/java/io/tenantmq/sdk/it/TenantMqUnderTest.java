package io.tenantmq.sdk.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.deploy.PortsFile;
import io.tenantmq.deploy.TenantMqNode;
import io.tenantmq.deploy.config.ConfigFile;
import io.tenantmq.deploy.config.ConfigLoader;
import io.tenantmq.sdk.emqx.EmqxClientOptions;
import io.tenantmq.sdk.emqx.EmqxStyleClient;
import io.tenantmq.sdk.tencent.TencentClientOptions;
import io.tenantmq.sdk.tencent.TencentStyleClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The whole product in this JVM, as the launcher starts it from a configuration file (loopback, free ports, a cluster
 * name of its own, a temporary data directory), started once for every test class here and stopped with the JVM, and
 * a {@link TencentStyleClient} with a Tencent credential of the demo tenant. Shared by the test classes of every
 * dialect.
 */
public final class TenantMqUnderTest {

  private static TenantMqUnderTest shared;

  public final TenantMqNode node;
  public final Path dataDir;
  public final JsonNode ports;
  /** A client with a Tencent credential of the demo tenant. */
  public final TencentStyleClient client;

  private TenantMqUnderTest(TenantMqNode node, Path dataDir, JsonNode ports) throws Exception {
    this.node = node;
    this.dataDir = dataDir;
    this.ports = ports;
    this.client = TencentStyleClient.create(demoCredential().setEndpoint(endpoint()));
  }

  /**
   * The {@code tencent} section of {@code demo-credentials.json}, the file a tenant's developer reads; a fresh
   * credential of the demo tenant from the node's control plane when the file has none.
   */
  private TencentClientOptions demoCredential() throws Exception {
    JsonNode tencent = new ObjectMapper().readTree(dataDir.resolve("demo-credentials.json").toFile()).path("tencent");
    if (tencent.hasNonNull("secretId")) {
      return new TencentClientOptions().setSecretId(tencent.get("secretId").asText())
          .setSecretKey(tencent.get("secretKey").asText()).setRegion(tencent.path("region").asText("ap-guangzhou"));
    }
    IssuedCredential issued = await(control().credentials()
        .issue(node.demo().tenantId(), CredentialKind.TENCENT, null, "sdk-it").toCompletableFuture());
    return new TencentClientOptions().setSecretId(issued.credential().credentialId()).setSecretKey(issued.secret())
        .setRegion("ap-guangzhou");
  }

  public static synchronized TenantMqUnderTest shared() throws Exception {
    if (shared == null) {
      Path dataDir = Files.createTempDirectory("tenantmq-sdk-it-");
      ObjectNode config = new ObjectMapper().createObjectNode()
          .put("host", "127.0.0.1").put("mqttPort", 0).put("wsPort", -1).put("httpPort", 0)
          .put("dataDir", dataDir.toString()).put("nodeName", "node-sdk-it")
          .put("clusterName", "sdk-it-" + UUID.randomUUID());
      config.putArray("clusterMembers").add("127.0.0.1");
      Path file = Files.writeString(dataDir.resolve("config.json"), config.toString());
      TenantMqNode node = new TenantMqNode(ConfigLoader.resolve(ConfigLoader.readFile(file), ConfigFile.EMPTY)).start();
      shared = new TenantMqUnderTest(node, dataDir,
          new ObjectMapper().readTree(dataDir.resolve(PortsFile.FILE_NAME).toFile()));
      Runtime.getRuntime().addShutdownHook(new Thread(node::stop));
    }
    return shared;
  }

  /** An EMQX-dialect client with a fresh API key of {@code instanceId}, which belongs to {@code tenantId}. */
  public EmqxStyleClient emqxClient(String tenantId, String instanceId) throws Exception {
    IssuedCredential key = await(control().credentials()
        .issue(tenantId, CredentialKind.EMQX, instanceId, "sdk-it").toCompletableFuture());
    return EmqxStyleClient.create(new EmqxClientOptions().setEndpoint(endpoint())
        .setApiKey(key.credential().credentialId()).setApiSecret(key.secret()));
  }

  /** A new tenant with one instance (anonymous MQTT not allowed); its instance id. */
  public String otherTenantInstance(String name) throws Exception {
    long now = System.currentTimeMillis();
    await(control().tenants().createTenantIfAbsent(new Tenant("tenant-" + name, name, now)).toCompletableFuture());
    await(control().tenants().createInstanceIfAbsent(new Instance("mqtt-" + name, "tenant-" + name, name, false, now))
        .toCompletableFuture());
    return "mqtt-" + name;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + ports.get("http").asInt();
  }

  public int mqttPort() {
    return ports.get("mqtt").asInt();
  }

  /** The demo tenant's instance: anonymous MQTT from loopback is allowed there. */
  public String instanceId() {
    return node.demo().instanceId();
  }

  public ControlPlane control() {
    return node.control();
  }

  /** A connected MQTT 5 client of the demo instance; the caller disconnects it. */
  public Mqtt5BlockingClient connect(String clientId, boolean cleanStart, long sessionExpirySeconds) {
    Mqtt5BlockingClient mqtt = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(mqttPort()).buildBlocking();
    mqtt.connectWith().cleanStart(cleanStart).sessionExpiryInterval(sessionExpirySeconds).keepAlive(30).send();
    return mqtt;
  }

  /** Logs in as {@code username@instanceId} and out again; the CONNACK's reason code either way. */
  public Mqtt5ConnAckReasonCode login(String username, String password) {
    Mqtt5BlockingClient mqtt = Mqtt5Client.builder().identifier("sdk-login-" + UUID.randomUUID().toString().substring(0, 8))
        .serverHost("127.0.0.1").serverPort(mqttPort()).buildBlocking();
    try {
      Mqtt5ConnAckReasonCode code = mqtt.connectWith().simpleAuth().username(username + "@" + instanceId())
          .password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send().getReasonCode();
      mqtt.disconnect();
      return code;
    } catch (Mqtt5ConnAckException refused) {
      return refused.getMqttMessage().getReasonCode();
    }
  }

  public static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(30, TimeUnit.SECONDS);
  }
}
