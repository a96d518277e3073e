package io.tenantmq.deploy.aliyun;

import com.hazelcast.core.Hazelcast;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.deploy.NodeFixture;
import io.tenantmq.deploy.TenantMqNode;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The whole product on ephemeral ports for the Alibaba Cloud dialect's tests: the demo instance (which anonymous
 * loopback MQTT clients reach) with an AccessKey of the demo tenant that names no instance, and a second tenant's
 * instance with an AccessKey of its own. Keys are issued through the node's own control plane, as the operator API
 * issues them. Other Aliyun test classes may add small methods here.
 */
final class AliyunNode implements AutoCloseable {

  final NodeFixture fixture;
  final TenantMqNode node;
  final String clusterName;
  final int mqttPort;
  final int httpPort;
  final ControlPlane control;
  final String demoTenant;
  final String demoInstance;
  /** An AccessKey of the demo tenant, valid for all its instances. */
  final AliyunHttp api;
  final String otherTenantId;
  final String otherInstance;
  /** An AccessKey of the other tenant. */
  final AliyunHttp otherTenant;

  AliyunNode(Path dataDir) throws Exception {
    clusterName = "it-aliyun-" + UUID.randomUUID();
    fixture = NodeFixture.start(dataDir, null, clusterName, "node-aliyun-it", List.of("127.0.0.1"));
    node = fixture.node();
    mqttPort = fixture.mqttPort();
    httpPort = fixture.httpPort();
    control = node.control();
    demoTenant = node.demo().tenantId();
    demoInstance = node.demo().instanceId();
    api = keyFor(demoTenant, null);
    otherTenantId = "tenant-y" + shortId();
    otherInstance = "mqtt-y" + shortId();
    join(control.tenants().createTenantIfAbsent(new Tenant(otherTenantId, "y", System.currentTimeMillis())));
    instance(otherTenantId, otherInstance);
    otherTenant = keyFor(otherTenantId, null);
  }

  /** A second node that joins this one's cluster, with its own data directory and durable file. */
  NodeFixture startAnother(Path dataDir, String nodeName) throws Exception {
    int memberPort = Hazelcast.getAllHazelcastInstances().stream()
        .filter(h -> h.getConfig().getClusterName().equals(clusterName)).findFirst().orElseThrow()
        .getCluster().getLocalMember().getAddress().getPort();
    return NodeFixture.start(dataDir, null, clusterName, nodeName, List.of("127.0.0.1:" + memberPort));
  }

  /** Signed HTTP calls with a fresh AccessKey of {@code tenantId}, limited to {@code instanceIdOrNull} if given. */
  AliyunHttp keyFor(String tenantId, String instanceIdOrNull) {
    IssuedCredential key = join(control.credentials().issue(tenantId, CredentialKind.ALIYUN, instanceIdOrNull, "it"));
    return new AliyunHttp(httpPort, key.credential().credentialId(), key.secret());
  }

  /** Signed HTTP calls with an AccessKey of the given id and secret (a document's example), imported for the tenant. */
  AliyunHttp importedKey(String tenantId, String accessKeyId, String secret) {
    join(control.credentials().importCredential(accessKeyId, secret, tenantId, CredentialKind.ALIYUN, null, "it"));
    return new AliyunHttp(httpPort, accessKeyId, secret);
  }

  /** Creates an instance of {@code tenantId} that accepts no anonymous clients. */
  void instance(String tenantId, String instanceId) {
    join(control.tenants().createInstanceIfAbsent(new Instance(instanceId, tenantId, "it", false,
        System.currentTimeMillis())));
  }

  /** A HiveMQ MQTT 3.1.1 client of the demo instance (anonymous, from loopback), not connected yet. */
  Mqtt3BlockingClient mqtt3(String clientId) {
    return mqtt3(clientId, mqttPort);
  }

  static Mqtt3BlockingClient mqtt3(String clientId, int port) {
    return Mqtt3Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port).buildBlocking();
  }

  @Override
  public void close() throws Exception {
    fixture.close();
  }

  static String shortId() {
    return NodeFixture.shortId();
  }

  static <T> T join(CompletionStage<T> stage) {
    return NodeFixture.join(stage);
  }
}
