package io.tenantmq.deploy.emqx;

import com.hazelcast.core.Hazelcast;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.user.MqttUser;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.deploy.NodeFixture;
import io.tenantmq.deploy.TenantMqNode;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The whole product on ephemeral ports for the EMQX dialect's tests: the demo instance (which anonymous loopback MQTT
 * clients reach) with an API key, and a second tenant's instance with a key of its own. Keys are issued through the
 * node's own control plane, as the operator API issues them.
 */
final class EmqxNode implements AutoCloseable {

  final NodeFixture fixture;
  final TenantMqNode node;
  final String clusterName;
  final int mqttPort;
  final int httpPort;
  final ControlPlane control;
  final String demoInstance;
  /** API key of the demo instance. */
  final EmqxHttp api;
  /** API key of another tenant's instance. */
  final EmqxHttp otherTenant;
  final String otherInstance;

  EmqxNode(Path dataDir) throws Exception {
    clusterName = "it-emqx-" + UUID.randomUUID();
    fixture = NodeFixture.start(dataDir, null, clusterName, "node-emqx-it", List.of("127.0.0.1"));
    node = fixture.node();
    mqttPort = fixture.mqttPort();
    httpPort = fixture.httpPort();
    control = node.control();
    demoInstance = node.demo().instanceId();
    api = apiFor(node.demo().tenantId(), demoInstance);
    String otherTenantId = "tenant-x" + shortId();
    otherInstance = "mqtt-x" + shortId();
    join(control.tenants().createTenantIfAbsent(new Tenant(otherTenantId, "x", System.currentTimeMillis())));
    join(control.tenants().createInstanceIfAbsent(new Instance(otherInstance, otherTenantId, "x", false,
        System.currentTimeMillis())));
    otherTenant = apiFor(otherTenantId, otherInstance);
  }

  /** A second node that joins this one's cluster, with its own data directory and durable file. */
  NodeFixture startAnother(Path dataDir, String nodeName) throws Exception {
    int memberPort = Hazelcast.getAllHazelcastInstances().stream()
        .filter(h -> h.getConfig().getClusterName().equals(clusterName)).findFirst().orElseThrow()
        .getCluster().getLocalMember().getAddress().getPort();
    return NodeFixture.start(dataDir, null, clusterName, nodeName, List.of("127.0.0.1:" + memberPort));
  }

  /** An HTTP client of this node's EMQX API with a fresh API key of {@code instanceId}. */
  EmqxHttp apiFor(String tenantId, String instanceId) {
    IssuedCredential key = join(control.credentials().issue(tenantId, CredentialKind.EMQX, instanceId, "it"));
    return new EmqxHttp(httpPort, key.credential().credentialId(), key.secret());
  }

  /** Creates an MQTT user of the demo instance (password "pw", both permissions), for clients with a user name. */
  void user(String username) {
    join(control.users().create(MqttUser.create(demoInstance, username, "pw", true, true, "it",
        System.currentTimeMillis())));
  }

  /** A HiveMQ MQTT 5 client of the demo instance, not connected yet. */
  Mqtt5BlockingClient mqtt5(String clientId) {
    return Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(mqttPort).buildBlocking();
  }

  /** A HiveMQ MQTT 3.1.1 client of the demo instance, not connected yet. */
  Mqtt3BlockingClient mqtt3(String clientId) {
    return Mqtt3Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(mqttPort).buildBlocking();
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
