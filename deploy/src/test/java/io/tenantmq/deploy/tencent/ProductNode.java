package io.tenantmq.deploy.tencent;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.file.Files;
import java.util.concurrent.CompletionStage;

/**
 * The whole product in this JVM ({@link NodeFixture}), started once and shared by the trocket test classes, with
 * helpers to make tenants and credentials through its control plane and to point the official SDK at it.
 */
final class ProductNode {

  private static ProductNode shared;

  final TenantMqNode node;
  final java.nio.file.Path dataDir;
  final int httpPort;
  final int mqttPort;
  final int wsPort;

  private ProductNode(TenantMqNode node, java.nio.file.Path dataDir, JsonNode ports) {
    this.node = node;
    this.dataDir = dataDir;
    this.httpPort = ports.get("http").asInt();
    this.mqttPort = ports.get("mqtt").asInt();
    this.wsPort = ports.get("ws").asInt();
  }

  static synchronized ProductNode shared() throws Exception {
    if (shared == null) {
      NodeFixture fixture = NodeFixture.start(Files.createTempDirectory("tenantmq-tencent-it"), null);
      shared = new ProductNode(fixture.node(), fixture.dataDir(), fixture.ports());
      Runtime.getRuntime().addShutdownHook(new Thread(fixture::close));
    }
    return shared;
  }

  ControlPlane control() {
    return node.control();
  }

  /** A new tenant with one instance. */
  void tenantWithInstance(String tenantId, String instanceId) {
    join(control().tenants().createTenantIfAbsent(new Tenant(tenantId, tenantId, System.currentTimeMillis())));
    join(control().tenants().createInstanceIfAbsent(new Instance(instanceId, tenantId, instanceId, false,
        System.currentTimeMillis())));
  }

  IssuedCredential credential(String tenantId) {
    return join(control().credentials().issue(tenantId, CredentialKind.TENCENT, null, "tencent-it"));
  }

  /** The official SDK's generic client, pointed at this node: the one change a tenant makes. */
  CommonClient sdk(String secretId, String secretKey, String version) {
    HttpProfile http = new HttpProfile();
    http.setEndpoint("127.0.0.1:" + httpPort);
    http.setProtocol(HttpProfile.REQ_HTTP);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new CommonClient("trocket", version, new Credential(secretId, secretKey), "ap-guangzhou", profile);
  }

  CommonClient sdk(IssuedCredential credential) {
    return sdk(credential.credential().credentialId(), credential.secret(), "2023-03-08");
  }

  static <T> T join(CompletionStage<T> stage) {
    return NodeFixture.join(stage);
  }
}
