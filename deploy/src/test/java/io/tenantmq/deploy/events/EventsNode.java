package io.tenantmq.deploy.events;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.profile.DefaultProfile;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
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

/**
 * The whole product on ephemeral ports for the event consumption tests: the demo instance (which anonymous loopback
 * MQTT clients reach) with an EMQX API key, a Tencent SecretId and an Aliyun AccessKey of its tenant, and another
 * tenant's instance with an EMQX key of its own. Credentials are issued through the node's own control plane, as the
 * operator API issues them.
 */
final class EventsNode implements AutoCloseable {

  static final String NODE_NAME = "node-events-it";

  final NodeFixture fixture;
  final TenantMqNode node;
  final ControlPlane control;
  final int httpPort;
  final int mqttPort;
  final String demoTenant;
  final String demoInstance;
  /** An EMQX API key of the demo instance. */
  final EventsHttp api;
  final String otherInstance;
  /** An EMQX API key of another tenant's instance. */
  final EventsHttp otherTenant;

  EventsNode(Path dataDir) throws Exception {
    fixture = NodeFixture.start(dataDir, null, "it-events-" + UUID.randomUUID(), NODE_NAME, List.of("127.0.0.1"));
    node = fixture.node();
    control = node.control();
    httpPort = fixture.httpPort();
    mqttPort = fixture.mqttPort();
    demoTenant = node.demo().tenantId();
    demoInstance = node.demo().instanceId();
    api = emqxKey(demoTenant, demoInstance);
    String otherTenantId = "tenant-e" + shortId();
    otherInstance = "mqtt-e" + shortId();
    join(control.tenants().createTenantIfAbsent(new Tenant(otherTenantId, "e", System.currentTimeMillis())));
    join(control.tenants().createInstanceIfAbsent(new Instance(otherInstance, otherTenantId, "e", false,
        System.currentTimeMillis())));
    otherTenant = emqxKey(otherTenantId, otherInstance);
  }

  EventsHttp emqxKey(String tenantId, String instanceId) {
    IssuedCredential key = join(control.credentials().issue(tenantId, CredentialKind.EMQX, instanceId, "it"));
    return new EventsHttp(httpPort, key.credential().credentialId(), key.secret());
  }

  /** The official Tencent SDK's generic client for trocket 2023-03-08 with a new SecretId of {@code tenantId}. */
  CommonClient tencent(String tenantId) {
    IssuedCredential key = join(control.credentials().issue(tenantId, CredentialKind.TENCENT, null, "it"));
    HttpProfile http = new HttpProfile();
    http.setEndpoint("127.0.0.1:" + httpPort);
    http.setProtocol(HttpProfile.REQ_HTTP);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new CommonClient("trocket", "2023-03-08", new Credential(key.credential().credentialId(), key.secret()),
        "ap-guangzhou", profile);
  }

  /** The official Aliyun SDK's client with a new AccessKey of {@code tenantId} (all its instances). */
  DefaultAcsClient aliyun(String tenantId) {
    IssuedCredential key = join(control.credentials().issue(tenantId, CredentialKind.ALIYUN, null, "it"));
    return new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", key.credential().credentialId(),
        key.secret()));
  }

  /** A HiveMQ MQTT 3.1.1 client of the demo instance (anonymous, from loopback), not connected yet. */
  Mqtt3BlockingClient mqtt3(String clientId) {
    return Mqtt3Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(mqttPort).buildBlocking();
  }

  @Override
  public void close() {
    fixture.close();
  }

  static String shortId() {
    return NodeFixture.shortId();
  }

  static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
    return NodeFixture.join(stage);
  }
}
