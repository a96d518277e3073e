package io.tenantmq.deploy.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.deploy.NodeFixture;
import io.tenantmq.deploy.TenantMqNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The whole product on ephemeral ports with two tenants, for the Tencent action tests: the demo tenant (whose demo
 * instance anonymous loopback MQTT clients reach) and another tenant "B" with an instance of its own, each with a
 * whole-tenant SecretId/SecretKey. Tenants, instances and credentials are made through the node's own control plane
 * (its Hazelcast member and its sealing key from the data directory), as the operator API would make them.
 */
final class NodeWithTenants implements AutoCloseable {

  static final String VERSION = "2024-05-16";

  final NodeFixture first;
  final TenantMqNode node;
  final String clusterName;
  /** The Hazelcast member port of {@link #node}, for other nodes to join. */
  final int memberPort;
  final int mqttPort;
  final int httpPort;
  final ControlPlane control;
  final String demoInstance;
  final Credential credentialA;
  final Credential credentialB;
  final String instanceOfB;
  /** The SDK for version 2024-05-16 with the demo tenant's credential. */
  final CommonClient tenantA;
  /** The SDK for version 2024-05-16 with tenant B's credential. */
  final CommonClient tenantB;
  private final ExecutorService blocking = Executors.newFixedThreadPool(2);

  NodeWithTenants(Path dataDir) throws Exception {
    clusterName = "it-mqtt-" + UUID.randomUUID();
    first = NodeFixture.start(dataDir, null, clusterName, "node-mqtt-it", List.of("127.0.0.1"));
    node = first.node();
    mqttPort = first.mqttPort();
    httpPort = first.httpPort();

    HazelcastInstance member = Hazelcast.getAllHazelcastInstances().stream()
        .filter(h -> h.getConfig().getClusterName().equals(clusterName)).findFirst().orElseThrow();
    memberPort = member.getCluster().getLocalMember().getAddress().getPort();
    byte[] key = Base64.getDecoder().decode(Files.readString(dataDir.resolve("secret.key")).trim());
    control = ControlPlane.create(member, new SecretCipher(key), blocking);

    demoInstance = node.demo().instanceId();
    credentialA = credential(join(control.credentials().issue(node.demo().tenantId(), CredentialKind.TENCENT, null, "it")));
    String tenantIdB = "tenant-b" + shortId();
    instanceOfB = "mqtt-b" + shortId();
    join(control.tenants().createTenantIfAbsent(new Tenant(tenantIdB, "b", System.currentTimeMillis())));
    join(control.tenants().createInstanceIfAbsent(new Instance(instanceOfB, tenantIdB, "b", false,
        System.currentTimeMillis())));
    credentialB = credential(join(control.credentials().issue(tenantIdB, CredentialKind.TENCENT, null, "it")));
    tenantA = sdk(credentialA, VERSION);
    tenantB = sdk(credentialB, VERSION);
  }

  /** A second node that joins this one's cluster, with its own data directory and durable file. */
  NodeFixture startAnother(Path dataDir, String nodeName) throws Exception {
    return NodeFixture.start(dataDir, null, clusterName, nodeName, List.of("127.0.0.1:" + memberPort));
  }

  /** The SDK's generic client for product {@code mqtt} in {@code version}, pointed at this node. */
  CommonClient sdk(Credential credential, String version) {
    HttpProfile http = new HttpProfile();
    http.setEndpoint("127.0.0.1:" + httpPort);
    http.setProtocol(HttpProfile.REQ_HTTP);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new CommonClient("mqtt", version, credential, "ap-guangzhou", profile);
  }

  /** A new instance of the demo tenant, which no MQTT client reaches. */
  String newInstance(String name, String remark) {
    String instanceId = "mqtt-" + shortId();
    join(control.tenants().createInstanceIfAbsent(new Instance(instanceId, node.demo().tenantId(), name, remark, false,
        System.currentTimeMillis())));
    return instanceId;
  }

  /** A HiveMQ MQTT 5 client of the demo instance, not connected yet. */
  Mqtt5BlockingClient mqtt5(String clientId) {
    return Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(mqttPort).buildBlocking();
  }

  /** The demo instance's record of {@code clientId} as DescribeClientList shows it, or null. */
  JsonObject demoClient(String clientId) throws TencentCloudSDKException {
    JsonArray clients = call(tenantA, "DescribeClientList", new JsonObject().put("InstanceId", demoInstance)
        .put("ClientId", clientId)).getJsonArray("Clients");
    assertThat(clients.size()).isLessThanOrEqualTo(1);
    return clients.isEmpty() ? null : clients.getJsonObject(0);
  }

  /** The client ids DescribeClientList lists for the demo instance with these extra parameters, in its order. */
  List<String> demoClientIds(JsonObject parameters) throws TencentCloudSDKException {
    return ids(call(tenantA, "DescribeClientList", parameters.copy().put("InstanceId", demoInstance))
        .getJsonArray("Clients"), "ClientId");
  }

  @Override
  public void close() {
    try {
      first.close();
    } finally {
      blocking.shutdownNow();
    }
  }

  /** The action's {@code Response}, through the SDK. */
  static JsonObject call(CommonClient client, String action, JsonObject body) throws TencentCloudSDKException {
    return new JsonObject(client.call(action, body.encode())).getJsonObject("Response");
  }

  /** The SDK's exception for a call that must fail; it always carries a RequestId. */
  static TencentCloudSDKException errorOf(CommonClient client, String action, JsonObject body) {
    TencentCloudSDKException e = catchThrowableOfType(TencentCloudSDKException.class, () -> call(client, action, body));
    assertThat(e).as(action + " must fail").isNotNull();
    assertThat(e.getRequestId()).isNotBlank();
    return e;
  }

  static JsonObject filter(String name, String... values) {
    return new JsonObject().put("Name", name).put("Values", new JsonArray(List.of((Object[]) values)));
  }

  static List<String> ids(JsonArray items, String field) {
    return items.stream().map(o -> ((JsonObject) o).getString(field)).toList();
  }

  static String shortId() {
    return NodeFixture.shortId();
  }

  static <T> T join(CompletionStage<T> stage) {
    return NodeFixture.join(stage);
  }

  private static Credential credential(IssuedCredential issued) {
    return new Credential(issued.credential().credentialId(), issued.secret());
  }
}
